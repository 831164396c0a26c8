//! The real binary in a real terminal (tmux), as a user would drive it: both
//! titles show, `]c` moves to a change, `?` opens help, `q` quits and leaves a
//! usable shell — also after a panic. Skips when tmux is missing (`.ci/run`
//! installs it).

mod common;
use common::sample_path as sample;

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux not installed: skipped");
            return None;
        }
        let t = Tmux {
            socket: format!("storydiff-{name}-{}", std::process::id()),
        };
        // Each session remembers view settings in its own file.
        let state = t.state_file();
        let _ = std::fs::remove_file(&state);
        let state_env = format!("STORYDIFF_STATE={}", state.display());
        let ok = t
            .cmd(&[
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                "120",
                "-y",
                "40",
                "env",
                "-i",
                "PATH=/usr/bin:/bin",
                "TERM=xterm-256color",
                "HOME=/tmp",
                &state_env,
                "bash",
                "--norc",
                "--noprofile",
            ])
            .status
            .success();
        assert!(ok, "tmux session started");
        t.keys(&["PS1='$ '", "Enter"]);
        Some(t)
    }

    fn state_file(&self) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("{}-state.json", self.socket))
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }

    /// Runs storydiff on two samples (by number) in the shell, which then
    /// prints `EXIT=` and the exit code.
    fn open_pair(&self, old: &str, new: &str) {
        let bin = env!("CARGO_BIN_EXE_storydiff");
        self.literal(&format!(
            "{bin} {} {}; echo EXIT=$?",
            sample(old),
            sample(new)
        ));
        self.keys(&["Enter"]);
    }

    fn literal(&self, text: &str) {
        self.cmd(&["send-keys", "-t", "t", "-l", text]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// The first screen that satisfies `ok`: a screen taken mid-redraw can
    /// hold half the old frame, so a test waits for the whole condition
    /// rather than reading one capture.
    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, what: &str) -> String {
        self.wait_until(&format!("{what:?}"), |s| s.contains(what))
    }

    fn wait_gone(&self, what: &str) -> String {
        self.wait_until(&format!("{what:?} to go"), |s| !s.contains(what))
    }

    fn alternate_screen(&self) -> bool {
        String::from_utf8_lossy(
            &self
                .cmd(&["display-message", "-p", "-t", "t", "#{alternate_on}"])
                .stdout,
        )
        .trim()
            == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
        let _ = std::fs::remove_file(self.state_file());
    }
}

fn launch(t: &Tmux, env: &str) {
    let bin = env!("CARGO_BIN_EXE_storydiff");
    t.literal(&format!(
        "{env}{bin} {} {}; echo EXIT=$?",
        sample("000"),
        sample("001")
    ));
    t.keys(&["Enter"]);
}

#[test]
fn compare_view_in_a_real_terminal() {
    let Some(t) = Tmux::start("view") else { return };
    launch(&t, "");
    let s = t.wait_for("row 1/");
    assert!(
        s.contains("(no title)") && s.contains("Pete Hegseth says ‘everything is on the table’"),
        "{s}"
    );
    assert!(t.alternate_screen());
    t.keys(&["]", "c"]);
    let s = t.wait_for("change 2 of");
    assert!(!s.contains("row 1/"), "]c scrolled: {s}");
    t.keys(&["?"]);
    // The box's last row: a capture taken while the box was still being
    // written showed only its first rows (`storydiff keys` alone).
    let s = t.wait_for("quit (or close help)");
    // The longest line, `e`'s, goes on over a second row rather than being cut.
    assert!(s.contains("hedge)") && !s.contains("attrib…"), "{s}");
    t.keys(&["q"]);
    let s = t.wait_gone("storydiff keys");
    assert!(
        s.contains("? help"),
        "still in the view after closing help: {s}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert!(!t.alternate_screen(), "alternate screen left behind");
    t.literal("echo AFTER-$((40+2))");
    t.keys(&["Enter"]);
    t.wait_for("AFTER-42");
}

#[test]
fn terminal_is_restored_after_a_panic_and_on_resize() {
    let Some(t) = Tmux::start("panic") else {
        return;
    };
    launch(&t, "STORYDIFF_TEST_PANIC=1 ");
    t.wait_for("row 1/");
    for (w, h) in [("60", "15"), ("20", "5")] {
        t.cmd(&["resize-window", "-t", "t", "-x", w, "-y", h]);
        std::thread::sleep(Duration::from_millis(200));
    }
    t.wait_for("too small");
    t.cmd(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    t.wait_for("? help");
    t.keys(&["!"]);
    // A bug is trouble (exit 2), told on one line.
    let s = t.wait_for("EXIT=2");
    assert!(
        s.contains("storydiff: internal error at src/tui/mod.rs"),
        "{s}"
    );
    assert!(
        !t.alternate_screen(),
        "alternate screen left behind after a panic"
    );
    t.literal("echo AFTER-$((40+2))");
    t.keys(&["Enter"]);
    t.wait_for("AFTER-42");
}

#[test]
fn bundled_story_opens_from_any_directory() {
    let Some(t) = Tmux::start("story") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_storydiff");
    t.literal(&format!("cd /tmp && {bin}; echo EXIT=$?"));
    t.keys(&["Enter"]);
    let s = t.wait_for("a story of 5 articles");
    assert!(s.contains("reprint of [1]"), "{s}");
    t.keys(&["Enter"]);
    t.wait_for("OLD ·");
    t.keys(&["q"]);
    t.wait_for("a story of 5 articles");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert!(!t.alternate_screen());
}

/// The window at 160×48, the binary, and the five samples' paths.
fn five_samples_at_160(t: &Tmux) -> (&'static str, Vec<String>) {
    t.cmd(&["resize-window", "-t", "t", "-x", "160", "-y", "48"]);
    let files = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|s| sample(s))
        .collect();
    (env!("CARGO_BIN_EXE_storydiff"), files)
}

#[test]
fn column_view_of_five_and_of_three_marked() {
    let Some(t) = Tmux::start("columns") else {
        return;
    };
    let (bin, files) = five_samples_at_160(&t);
    t.literal(&format!("{bin} {}; echo EXIT=$?", files.join(" ")));
    t.keys(&["Enter"]);
    t.wait_for("a story of 5 articles");
    t.keys(&["c"]);
    let s = t.wait_for("storydiff · columns 1–5 of 5 articles");
    let heads = s.lines().nth(1).unwrap_or("");
    for k in 0..5 {
        assert!(heads.contains(&format!("[{k}] 00{k}_")), "{s}");
    }
    t.literal("/to 5% of");
    t.keys(&["Enter"]);
    let s = t.wait_for("hit 1 of");
    // The row under the search: 000, 002 and 003 side by side, one line.
    let row = s
        .lines()
        .find(|l| l.contains("Closing the Nato"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(
        row.contains("Hegseth") && row.matches('│').count() == 4,
        "{row}"
    );
    let below = s.split("Closing the Nato").nth(1).unwrap_or("");
    assert!(below.contains("ramp up") || row.contains("ramp up"), "{s}");
    t.keys(&["q"]);
    t.wait_for("a story of 5 articles");
    // Mark [0], [2] and [3] with Space, then open the columns on them.
    t.keys(&["g", "Space", "j", "j", "Space", "j", "Space"]);
    t.wait_for("3 articles marked");
    t.keys(&["c"]);
    let s = t.wait_for("columns 1–3 of 3 articles");
    let heads = s.lines().nth(1).unwrap_or("");
    assert!(
        heads.contains("[3] 003_") && heads.contains("[0] 000_") && heads.contains("[2] 002_"),
        "{s}"
    );
    assert!(
        !heads.contains("[1] 001_") && !heads.contains("[4] 004_"),
        "{s}"
    );
    t.keys(&["?"]);
    t.wait_for("column view keys");
    // Its last row, so that the whole box is read.
    let s = t.wait_for("back to the story (or close help)");
    assert!(s.contains("search the columns"), "{s}");
    // Only the keys the column view acts on.
    for compare_only in [
        "swap the sides",
        "side by side / inline",
        "pair by claims",
        "cosmetic only",
    ] {
        assert!(!s.contains(compare_only), "{compare_only}: {s}");
    }
    t.keys(&["q"]);
    t.keys(&["q"]);
    t.wait_for("a story of 5 articles");
    t.keys(&["?"]);
    let s = t.wait_for("column view: the marked");
    assert!(s.contains("Space, m"), "{s}");
    t.keys(&["q", "q"]);
    t.wait_for("EXIT=0");
}

/// The pair 000/003 counts, on its status line, the shared claims the five
/// samples' story JSON gives the pair, opened alone (`storydiff 000… 003…`)
/// and opened from the story: a pair has one count wherever it is read.
#[test]
fn a_pair_opened_alone_or_from_the_story_counts_the_storys_shared_claims() {
    let Some(t) = Tmux::start("count") else {
        return;
    };
    let (bin, files) = five_samples_at_160(&t);
    let json = Command::new(bin)
        .args(["story", "--format", "json"])
        .args(&files)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let pair = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["a"] == 0 && p["b"] == 3)
        .expect("the pair 0/3");
    let shared = pair["shared_sentences"].as_u64().unwrap();
    assert!(shared > 0, "{pair}");
    let counted = format!(
        "by claims · {shared} shared claim{}",
        if shared == 1 { " " } else { "s" }
    );
    t.literal(&format!("{bin} {} {}; echo EXIT=$?", files[0], files[3]));
    t.keys(&["Enter"]);
    let s = t.wait_for("shared claim");
    let status = s
        .lines()
        .find(|l| l.contains("shared claim"))
        .unwrap_or_default();
    assert!(status.contains(&counted), "story JSON {shared}: {status}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.keys(&["C-l"]);
    t.wait_gone("EXIT=0");
    t.literal(&format!("{bin} {}; echo EXIT=$?", files.join(" ")));
    t.keys(&["Enter"]);
    t.wait_for("a story of 5 articles");
    // The heatmap's column follows `l` from [1]: [3] is two steps on.
    t.keys(&["l", "l", "Enter"]);
    t.wait_for("[0] ↔ [3]");
    let s = t.wait_for("shared claim");
    let status = s
        .lines()
        .find(|l| l.contains("shared claim"))
        .unwrap_or_default();
    assert!(status.contains(&counted), "story JSON {shared}: {status}");
    t.keys(&["q"]);
    t.wait_for("a story of 5 articles");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn view_settings_are_remembered_between_runs() {
    let Some(t) = Tmux::start("state") else {
        return;
    };
    // Side by side at first: the old title row ends at the divider.
    launch(&t, "");
    let inline = |s: &str, marker: &str| s.lines().any(|l| l.starts_with(marker));
    let s = t.wait_for("row 1/");
    assert!(!inline(&s, "+ [title"), "{s}");
    // Inline, then quit: the state file now holds the setting.
    t.keys(&["s"]);
    let start = Instant::now();
    while !inline(&t.screen(), "+ [title") {
        assert!(start.elapsed() < Duration::from_secs(60), "{}", t.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    let state = std::fs::read_to_string(t.state_file()).expect("state written");
    assert!(state.contains("\"inline\": true"), "{state}");
    // The same pair in the other order opens inline again.
    t.literal("clear");
    t.keys(&["Enter"]);
    let bin = env!("CARGO_BIN_EXE_storydiff");
    t.open_pair("001", "000");
    let s = t.wait_for("row 1/");
    assert!(inline(&s, "- [title"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    // The sample story says how to reopen that pair, and remembers its tab.
    t.literal(&format!("clear; cd /tmp && {bin}; echo EXIT=$?"));
    t.keys(&["Enter"]);
    let s = t.wait_for("a story of 5 articles");
    assert!(s.contains("last opened: storydiff "), "{s}");
    t.keys(&["Tab"]);
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    let state = std::fs::read_to_string(t.state_file()).unwrap();
    assert!(state.contains("\"tab\": 1"), "{state}");
}

/// The history view of a page with three stored versions: Enter compares the
/// selected version with the one before; a marked version with the selected one.
#[test]
fn history_version_list_opens_comparisons() {
    use storydiff::source::archive::{Archive, Delta, NewVersion};
    let Some(t) = Tmux::start("history") else {
        return;
    };
    let archive = std::env::temp_dir().join(format!("{}-archive.sqlite", t.socket));
    let _ = std::fs::remove_file(&archive);
    let url = "https://news.example.org/story";
    {
        let mut a = Archive::open(&archive).unwrap();
        let validators = Default::default();
        for (n, ships) in ["four", "five", "seven"].iter().enumerate() {
            let html = format!(
                "<html><body><article><h1>Ships sail</h1><p>The navy said {ships} ships sailed on Monday.</p>\
                 <p>A second paragraph stays the same in every version.</p></article></body></html>"
            );
            let text = html.clone();
            let new = NewVersion {
                url,
                fetched_at: 1_739_474_000 + n as i64 * 3600,
                final_url: url,
                status: 200,
                content_type: Some("text/html"),
                charset: None,
                validators: &validators,
                raw: html.as_bytes(),
                text: &text,
                content_key: ships,
                words: 16,
            };
            a.store(&new, |_| Delta {
                words_added: 1,
                words_removed: 1,
                fact_changes: None,
            })
            .unwrap();
        }
    }
    let bin = env!("CARGO_BIN_EXE_storydiff");
    t.literal(&format!(
        "STORYDIFF_ARCHIVE={} {bin} history {url}; echo EXIT=$?",
        archive.display()
    ));
    t.keys(&["Enter"]);
    let s = t.wait_for("3 versions");
    assert!(s.contains("first seen") && s.contains("+1 -1"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait_for("version 2 ↔ version 3");
    assert!(s.contains("seven") && s.contains("five"), "{s}");
    t.keys(&["q"]);
    t.wait_for("3 versions");
    t.keys(&["g", "m"]);
    t.wait_for("version 1 marked");
    t.keys(&["G", "Enter"]);
    let s = t.wait_for("version 1 ↔ version 3");
    assert!(s.contains("four") && s.contains("seven"), "{s}");
    t.keys(&["q"]);
    t.wait_for("3 versions");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    for ext in ["sqlite", "sqlite-wal", "sqlite-shm"] {
        let _ = std::fs::remove_file(archive.with_extension(ext));
    }
}

/// Edit classes without colour: the 000/001 reprint's one edit (a stray
/// full stop) is cosmetic, so the fact-only view hides it; on 002/004 the
/// gutter carries class badges and `]f` steps from fact change to fact change.
#[test]
fn edit_classes_filter_badges_and_fact_jumps_without_colour() {
    let Some(t) = Tmux::start("classes") else {
        return;
    };
    launch(&t, "NO_COLOR=1 ");
    t.wait_for("row 1/");
    t.keys(&["]", "c"]);
    let s = t.wait_for("change 2 of");
    assert!(s.contains("President Trump.”."), "the stray full stop: {s}");
    t.keys(&["e"]);
    t.wait_until(
        "the cosmetic change folded away in the fact-only view",
        |s| {
            s.contains("passages hidden")
                && s.contains("fact changes only")
                && !s.contains("President Trump.”.")
        },
    );
    // The reprint's cut tail carries names and quotations: fact changes
    // (QA r5 D6), where the stray full stop is none.
    t.keys(&["]", "f"]);
    t.wait_for("fact change ");
    t.keys(&["q"]);
    t.wait_for("EXIT=");
    let bin = env!("CARGO_BIN_EXE_storydiff");
    t.literal(&format!(
        "clear; NO_COLOR=1 {bin} {} {}; echo EXIT=$?",
        sample("002"),
        sample("004")
    ));
    t.keys(&["Enter"]);
    // A related pair: wait until it is aligned by claims.
    t.wait_for("by claims");
    std::thread::sleep(Duration::from_millis(300));
    // Follow the text: the jump may land on a row already on screen.
    let body = |s: &str| s.lines().take(30).collect::<Vec<_>>().join("\n");
    let moved_from = |before: &str| {
        let start = Instant::now();
        loop {
            let s = t.screen();
            if body(&s) != body(before) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "]f did not move:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let top = t.screen();
    t.keys(&["]", "f"]);
    let first = moved_from(&top);
    t.keys(&["]", "f"]);
    let second = moved_from(&first);
    // Badges in the gutter, readable without colour: the Hegseth quotation
    // row carries `"` (quote).
    assert!(
        second
            .lines()
            .any(|l| l.starts_with('"') || first.lines().any(|l| l.starts_with('"'))),
        "a quote badge in the gutter:\n{first}\n{second}"
    );
    // The status line counts changes per class, and makes room for the
    // answer of `]f` while that answer shows.
    assert!(
        top.lines().last().is_some_and(|l| l.contains("\"")),
        "{top}"
    );
    // (The screen may be read between the body's redraw and the status
    // line's, so wait for the answer rather than read it off `second`.)
    let s = t.wait_for("fact change 2 of");
    assert!(
        s.lines()
            .last()
            .is_some_and(|l| l.contains("fact change 2 of")),
        "{s}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert!(!t.alternate_screen());
}

/// The story view's quote ledger marks the altered quotation and shows the
/// other wording's word diff; the disagreements tab lists the one figure
/// the samples disagree on.
#[test]
fn story_view_altered_quotation_and_disagreements() {
    let Some(t) = Tmux::start("altered") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_storydiff");
    t.literal(&format!("NO_COLOR=1 {bin}; echo EXIT=$?"));
    t.keys(&["Enter"]);
    t.wait_for("a story of 5 articles");
    t.keys(&["Tab"]);
    t.wait_for("quote — speaker");
    for _ in 0..40 {
        if t.screen()
            .lines()
            .any(|l| l.starts_with("▶") && l.contains("altered “"))
        {
            break;
        }
        t.keys(&["j"]);
        std::thread::sleep(Duration::from_millis(60));
    }
    let s = t.wait_for("{+US+}");
    assert!(s.contains("[-United States-]"), "{s}");
    t.keys(&["Tab", "Tab", "Tab"]);
    // 000 and 001 say a sixth of Ukraine's territory is occupied, 003 a fifth.
    let s = t.wait_for("“fifth” [3]");
    assert!(s.contains("“sixth” [0] [1]"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// While the terminal is too small, keys other than `q` do nothing (a `c`
/// pressed at 20×5 once opened the column view, unseen), and the story view,
/// the column view and the compare view show one notice alike: "too small",
/// the size, and what `q` does there.
#[test]
fn only_q_acts_while_the_terminal_is_too_small() {
    let Some(t) = Tmux::start("small") else {
        return;
    };
    let (bin, files) = five_samples_at_160(&t);
    t.cmd(&["resize-window", "-t", "t", "-x", "20", "-y", "5"]);
    t.literal(&format!("{bin} {}; echo EXIT=$?", files.join(" ")));
    t.keys(&["Enter"]);
    let s = t.wait_for("q quits");
    assert!(s.contains("too small") && s.contains("20×5"), "{s}");
    t.keys(&["c", "j", "Enter", "?"]);
    std::thread::sleep(Duration::from_millis(300));
    t.cmd(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    let s = t.wait_for("a story of 5 articles");
    assert!(
        !s.contains("storydiff · columns") && !s.contains("view keys"),
        "{s}"
    );
    assert!(s.contains("▶ [0] 000_"), "the selection did not move: {s}");
    // The column view, too small: its notice, and `q` goes back.
    t.keys(&["c"]);
    t.wait_for("storydiff · columns");
    t.cmd(&["resize-window", "-t", "t", "-x", "25", "-y", "6"]);
    let s = t.wait_for("q goes back");
    assert!(s.contains("too small") && s.contains("25×6"), "{s}");
    t.keys(&["q"]);
    t.wait_for("q quits");
    // The compare view opened from the story (its minimum is 40×10).
    t.cmd(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    t.wait_for("a story of 5 articles");
    t.keys(&["Enter"]);
    t.wait_for("q back to the story");
    t.cmd(&["resize-window", "-t", "t", "-x", "39", "-y", "9"]);
    let s = t.wait_for("q goes back");
    assert!(s.contains("too small") && s.contains("39×9"), "{s}");
    t.keys(&["G", "?"]);
    std::thread::sleep(Duration::from_millis(300));
    t.cmd(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    let s = t.wait_for("q back to the story");
    // Still at the top (the title row), no help box.
    assert!(
        s.contains("[title · first line") && !s.contains("storydiff keys"),
        "{s}"
    );
    t.keys(&["q", "q"]);
    t.wait_for("EXIT=0");
}

/// Regression: 002/004 at 160 columns ended a line with `was “` and opened
/// the next with `not a betrayal”` (no space in the text): a line never
/// breaks between an opening quotation mark and its word, nor before
/// closing punctuation.
#[test]
fn wrap_keeps_quotation_marks_with_their_words() {
    let Some(t) = Tmux::start("wrapquote") else {
        return;
    };
    let (bin, _) = five_samples_at_160(&t);
    for width in ["160", "150", "120", "100"] {
        t.cmd(&["resize-window", "-t", "t", "-x", width, "-y", "48"]);
        t.literal(&format!(
            "clear; {bin} {} {}; echo EXIT=$?",
            sample("002"),
            sample("004")
        ));
        t.keys(&["Enter"]);
        let s = t.wait_for("by claims");
        assert!(s.contains("“not a betrayal”"), "{width}: {s}");
        for line in s.lines() {
            for pane in line.split('│') {
                let text = pane.trim_end_matches(|c: char| c == ' ' || "-+~=│".contains(c));
                let text = text.trim_end();
                assert!(
                    !text.ends_with('“') && !text.ends_with('‘'),
                    "{width}: {line}"
                );
                let body = pane.trim_start_matches(|c: char| "=~+-¶ ".contains(c));
                assert!(!body.starts_with(['”', '’', ',', '.']), "{width}: {line}");
            }
        }
        t.keys(&["q"]);
        t.wait_for("EXIT=");
    }
}

/// Regression: `/Pistorius` in 000/003 said "hit 1 of 1" while the screen
/// showed it twice (one row, two occurrences): search counts and steps
/// through every occurrence, by claims and in order.
#[test]
fn search_counts_every_occurrence() {
    let Some(t) = Tmux::start("occurrences") else {
        return;
    };
    t.open_pair("000", "003");
    t.wait_for("related · sim");
    for mode in ["by claims", "in order"] {
        t.keys(&["g", "/"]);
        t.literal("Pistorius");
        t.keys(&["Enter"]);
        let s = t.wait_for("hit 1 of 2");
        if mode == "by claims" {
            // Both on the first screen.
            assert_eq!(s.matches("Pistorius").count(), 2, "{mode}: {s}");
        }
        t.keys(&["n"]);
        t.wait_for("hit 2 of 2");
        t.keys(&["n"]);
        t.wait_for("no more hits");
        t.keys(&["N"]);
        t.wait_for("hit 1 of 2");
        // To the other alignment.
        t.keys(&["a"]);
        t.wait_for(if mode == "by claims" {
            "(a: by claims)"
        } else {
            "by claims:"
        });
    }
    t.keys(&["q"]);
    t.wait_for("EXIT=");
}

/// The number in "… k of n" on the status line.
fn counted(s: &str, what: &str) -> (usize, usize) {
    let at = s.rfind(what).unwrap_or_else(|| panic!("{what}: {s}")) + what.len();
    let mut words = s[at..].split_whitespace();
    let k = words.next().and_then(|w| w.parse().ok()).unwrap_or(0);
    let n = words.nth(1).and_then(|w| w.parse().ok()).unwrap_or(0);
    (k, n)
}

/// Regression: in the column view `G` then `[c` said "claim 34 of 35" with
/// the 35th on screen (the end cannot scroll to the top, so the row on top
/// was taken as the place); and search counts every occurrence there too.
#[test]
fn column_view_jumps_from_the_end_and_counts_occurrences() {
    let Some(t) = Tmux::start("colend") else {
        return;
    };
    let (bin, files) = five_samples_at_160(&t);
    t.literal(&format!("{bin} {}; echo EXIT=$?", files.join(" ")));
    t.keys(&["Enter"]);
    t.wait_for("a story of 5 articles");
    t.keys(&["c"]);
    t.wait_for("storydiff · columns");
    t.keys(&["G", "[", "c"]);
    let s = t.wait_for("partly shared claim ");
    let (k, n) = counted(&s, "partly shared claim ");
    assert!(n > 1 && k == n, "{s}");
    t.keys(&["[", "c"]);
    t.wait_for(&format!("claim {} of {n}", n - 1));
    t.keys(&["]", "c"]);
    t.wait_for(&format!("claim {n} of {n}"));
    t.keys(&["]", "c"]);
    t.wait_for("no more partly shared claims");
    // Every occurrence of a name, in every column.
    let total: usize = files
        .iter()
        .map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .matches("Pistorius")
                .count()
        })
        .sum();
    t.keys(&["g", "/"]);
    t.literal("Pistorius");
    t.keys(&["Enter"]);
    t.wait_for(&format!("hit 1 of {total}"));
    for k in 2..=total {
        t.keys(&["n"]);
        t.wait_for(&format!("hit {k} of {total}"));
    }
    t.keys(&["n"]);
    t.wait_for("no more hits");
    t.keys(&["q", "q"]);
    t.wait_for("EXIT=0");
}

/// Regression: 000/003 (by claims) opened on 50 rows of 003's own opening
/// beside an empty old pane, 000's first sentence at row 51. The rows keep
/// their order (the new article's sentences before its first shared claim
/// come first), and the view opens where the old article starts, saying
/// what stands above; `g` goes up to it.
#[test]
fn by_claims_opens_where_the_old_article_starts() {
    let Some(t) = Tmux::start("firstrow") else {
        return;
    };
    t.open_pair("000", "003");
    let s = t.wait_for("of the new article before its first shared claim");
    let first = s.lines().nth(4).unwrap_or("");
    assert!(
        first.starts_with("- The US defence secretary, Pete Hegseth"),
        "{s}"
    );
    t.keys(&["g"]);
    let s = t.wait_for("[title ·");
    let first = s.lines().nth(4).unwrap_or("");
    assert!(
        first.contains("[title · first line") && first.contains("Pete Hegseth"),
        "{s}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=");
}

/// At 80×24, as a tester saw it: the story view's key hints end in whole
/// words (they were cut at `Tab…`), the compare view's row counter and
/// percentage agree (`row 1/183 23%` measured the bottom row), and help,
/// too long for the window, scrolls to its last entry, which says what the
/// status line's `c1` counts.
#[test]
fn eighty_columns_hints_position_and_help_that_scrolls() {
    let Some(t) = Tmux::start("eighty") else {
        return;
    };
    t.cmd(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);
    let bin = env!("CARGO_BIN_EXE_storydiff");
    t.literal(&format!("cd /tmp && {bin}; echo EXIT=$?"));
    t.keys(&["Enter"]);
    let s = t.wait_for("Enter compare");
    let hints = s.lines().rfind(|l| l.contains("Enter compare")).unwrap();
    assert!(
        !hints.contains('…') && hints.contains("? help") && hints.contains("q quit"),
        "{hints:?}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.keys(&["C-l"]);
    t.open_pair("000", "001");
    let s = t.wait_for("row 1/");
    assert!(s.contains(" Top"), "{s}");
    t.keys(&["?"]);
    let s = t.wait_for("Space/b scroll");
    assert!(!s.contains("c cosmetic"), "{s}");
    t.keys(&["G"]);
    t.wait_for("c cosmetic");
    t.keys(&["q"]);
    t.wait_gone("Space/b scroll");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// Regression: at 100×20 the samples' Wording tab was empty, and the lines
/// under the Wording and Disagreements lists showed one side, cut mid-word.
/// In a real terminal, the Wording tab lists 002's `NATO` against 003's
/// `Nato` as capitals, with both outlets' words in the line under the list,
/// and the Disagreements line shows 003's "fifth" beside 000's "sixth".
#[test]
fn wording_and_disagreements_show_both_sides_at_100x20() {
    let Some(t) = Tmux::start("wording") else {
        return;
    };
    t.cmd(&["resize-window", "-t", "t", "-x", "100", "-y", "20"]);
    let bin = env!("CARGO_BIN_EXE_storydiff");
    t.literal(&format!("NO_COLOR=1 {bin}; echo EXIT=$?"));
    t.keys(&["Enter"]);
    t.wait_for("a story of 5 articles");
    t.keys(&["Tab", "Tab", "Tab"]);
    let s = t.wait_for("[2] “NATO” ↔ [3] “Nato” ×2 · capitals");
    assert!(
        s.contains("[2] “Zelenskyy” ↔ [3] “Zelensky” ×1 · spelling"),
        "{s}"
    );
    t.keys(&["j"]);
    let s = t.wait_until("both outlets' words", |s| {
        s.lines().any(|l| {
            l.starts_with("[2] ")
                && l.contains(" NATO allies")
                && l.contains("[3] ")
                && l.contains(" Nato allies")
        })
    });
    assert!(!s.contains("no recurring word substitutions"), "{s}");
    t.keys(&["Tab"]);
    t.wait_until("both sides of the disagreement", |s| {
        s.lines().any(|l| {
            l.starts_with("[0] ")
                && l.contains("sixth")
                && l.contains("[3] ")
                && l.contains("fifth")
        })
    });
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// Regression (tester on 1fa9472): in order, 002 against 003 is one change
/// from top to bottom, and `]c` at once said "no more changes". Now it
/// reads the change on a screenful at a time and says where in it the
/// screen stands; `[c` goes back the same way.
#[test]
fn next_change_reads_on_through_one_long_change() {
    let Some(t) = Tmux::start("readon") else {
        return;
    };
    t.open_pair("002", "003");
    t.wait_for("related ·");
    t.keys(&["a"]);
    t.wait_for("(a: by claims)");
    // The first row of the change the status line says the screen shows.
    let from = |s: &str| -> Option<u64> {
        let rest = s.lines().last()?.split("its rows ").nth(1)?;
        rest.split('–').next()?.parse().ok()
    };
    t.keys(&["]", "c"]);
    let s = t.wait_for("change 1 of 1 · its rows ");
    assert!(!s.contains("no more changes"), "{s}");
    let first = from(&s).unwrap();
    t.keys(&["]", "c"]);
    t.wait_until("a second screenful", |s| from(s).is_some_and(|r| r > first));
    t.keys(&["[", "c"]);
    t.keys(&["[", "c"]);
    t.keys(&["[", "c"]);
    t.wait_for("no earlier changes");
    t.keys(&["q"]);
    t.wait_for("EXIT=");
}
