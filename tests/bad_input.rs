//! Hostile and broken input through the real binary: a loaded article (with a
//! note where decoding was guessed) or one clear line naming the file and exit
//! status 2 — never a panic, a backtrace or a raw escape sequence.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("storydiff-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let p = scratch(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn inspect(path: &Path, json: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_storydiff"));
    cmd.arg("inspect").arg(path);
    if json {
        cmd.args(["--format", "json"]);
    }
    cmd.env("RUST_BACKTRACE", "1").output().unwrap()
}

fn assert_one_line_error(out: &Output, path: &Path, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr:?}");
    assert!(stderr.starts_with("storydiff: "), "{stderr}");
    assert!(
        stderr.contains(&path.display().to_string()),
        "does not name the file: {stderr}"
    );
    assert!(stderr.contains(what), "expected {what:?} in {stderr:?}");
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"));
    assert!(out.stdout.is_empty());
}

fn assert_loaded(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    let stdout = String::from_utf8(out.stdout.clone()).expect("output is UTF-8");
    assert!(!stdout.contains('\x1b'), "raw escape in output");
    stdout
}

#[test]
fn empty_and_whitespace_only_files() {
    let p = write("empty.txt", b"");
    assert_one_line_error(&inspect(&p, false), &p, "empty");
    let p = write("blank.txt", b"  \n\n\t \r\n");
    assert_one_line_error(&inspect(&p, false), &p, "whitespace");
}

#[test]
fn binary_files_are_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    png.extend((0..2000u32).map(|i| (i * 31 % 251) as u8));
    let p = write("photo.png", &png);
    assert_one_line_error(&inspect(&p, false), &p, "binary");
    let p = write("data.bin", &[0u8, 1, 2, 3, 0, 0, 7, 8, 9]);
    assert_one_line_error(&inspect(&p, false), &p, "binary");
}

/// Regression: a device (or pipe) path has no size to check and was read
/// until memory ran out; an endless binary device is now refused from its
/// first bytes.
#[cfg(unix)]
#[test]
fn endless_devices_are_refused_from_their_first_bytes() {
    for dev in ["/dev/zero", "/dev/urandom"] {
        let p = Path::new(dev);
        if p.exists() {
            assert_one_line_error(&inspect(p, false), p, "binary");
        }
    }
}

#[test]
fn latin1_text_is_decoded_with_a_note() {
    let p = write(
        "latin1.txt",
        b"Caf\xe9 owners in Z\xfcrich said the price rose. \x93It is too much,\x94 one said.\n",
    );
    let out = assert_loaded(&inspect(&p, true));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["encoding"], "windows-1252");
    assert!(v["text"]
        .as_str()
        .unwrap()
        .contains("Café owners in Zürich"));
    let note = v["notes"][0].as_str().unwrap();
    assert!(
        note.contains("windows-1252") && note.contains("guessed"),
        "{note}"
    );
}

#[test]
fn utf16_with_bom() {
    let mut bytes = vec![0xff, 0xfe];
    for u in "Headline\r\n\r\nThe “first” paragraph.\r\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let p = write("utf16.txt", &bytes);
    let v: serde_json::Value = serde_json::from_str(&assert_loaded(&inspect(&p, true))).unwrap();
    assert_eq!(v["encoding"], "utf-16le");
    assert_eq!(v["blocks"].as_array().unwrap().len(), 2);
}

#[test]
fn crlf_and_cr_line_ends() {
    let p = write("crlf.txt", b"A title line\r\n\r\nFirst paragraph here.\r\nSecond paragraph here, a long one that goes on.\r\n");
    let v: serde_json::Value = serde_json::from_str(&assert_loaded(&inspect(&p, true))).unwrap();
    let text = v["text"].as_str().unwrap();
    for b in v["blocks"].as_array().unwrap() {
        let s = &text[b["start"].as_u64().unwrap() as usize..b["end"].as_u64().unwrap() as usize];
        assert!(!s.contains('\r'), "block keeps a CR: {s:?}");
    }
    let p = write(
        "cr.txt",
        b"Old Mac text\r\rOne paragraph.\rAnother paragraph.\r",
    );
    let v: serde_json::Value = serde_json::from_str(&assert_loaded(&inspect(&p, true))).unwrap();
    assert_eq!(v["blocks"].as_array().unwrap().len(), 3);
}

#[test]
fn escape_sequences_are_shown_as_placeholders() {
    let p = write("ansi.txt", b"Breaking \x1b[31mred\x1b[0m news\n\nThe title was \x1b]0;pwned\x07 changed. A bell \x07 rang.\n");
    let out = assert_loaded(&inspect(&p, false));
    assert!(out.contains("␛[31m"), "{out}");
    assert!(!out.contains('\x07'));
    assert!(
        out.contains("escape"),
        "a note says escapes are present: {out}"
    );
    // JSON keeps the text exactly (escaped by JSON, not by us).
    let v: serde_json::Value = serde_json::from_str(&assert_loaded(&inspect(&p, true))).unwrap();
    assert!(v["text"].as_str().unwrap().contains("\x1b]0;pwned\x07"));
}

#[test]
fn ten_megabyte_single_line() {
    let sentence = "The minister said the talks would continue next week in Brussels. ";
    let line = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    let p = write("huge-line.txt", line.as_bytes());
    let out = assert_loaded(&inspect(&p, false));
    assert!(out.contains("1 blocks"), "{}", &out[..out.len().min(400)]);
}

#[test]
fn missing_path_directory_and_unreadable_file() {
    let p = scratch("does-not-exist.txt");
    assert_one_line_error(&inspect(&p, false), &p, "no such file");
    let d = scratch("a-directory");
    std::fs::create_dir_all(&d).unwrap();
    assert_one_line_error(&inspect(&d, false), &d, "directory");
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        let a = scratch("loop-a");
        let b = scratch("loop-b");
        let _ = std::fs::remove_file(&a);
        let _ = std::fs::remove_file(&b);
        symlink(&b, &a).unwrap();
        symlink(&a, &b).unwrap();
        assert_one_line_error(&inspect(&a, false), &a, "symbolic links");
    }
}

#[test]
fn right_to_left_combining_emoji_and_zero_width() {
    let text = "عنوان الخبر\n\nقال الوزير إن المحادثات ستستمر. Cafe\u{301} \u{1F600} zero\u{200B}width and 中文标题。\n";
    let p = write("mixed.txt", text.as_bytes());
    let v: serde_json::Value = serde_json::from_str(&assert_loaded(&inspect(&p, true))).unwrap();
    let t = v["text"].as_str().unwrap();
    assert_eq!(t, text);
    for b in v["blocks"].as_array().unwrap() {
        for s in b["sentences"].as_array().unwrap() {
            let (s0, s1) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(t.is_char_boundary(s0) && t.is_char_boundary(s1));
        }
    }
}

#[test]
fn broken_json_and_html_give_one_line_or_text() {
    let p = write("broken.json", b"{\"title\": \"x\", \"maintext\": 42");
    assert_one_line_error(&inspect(&p, false), &p, "JSON");
    let p = write(
        "wrong-types.json",
        b"{\"title\": [1,2], \"maintext\": {\"a\": 1}}",
    );
    assert_one_line_error(&inspect(&p, false), &p, "text field");
    let nested = format!(
        "<html><body>{}<p>Deep text at the bottom.</p>{}</body></html>",
        "<div>".repeat(1000),
        "</div>".repeat(1000)
    );
    let p = write("nested.html", nested.as_bytes());
    let out = inspect(&p, false);
    assert!(matches!(out.status.code(), Some(0) | Some(2)));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}
