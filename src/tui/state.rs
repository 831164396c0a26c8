//! What the app remembers between runs: the last story opened and, per story
//! (or pair), the view settings the reader left it with. Lives in the
//! platform's state dir (`directories`), or at `STORYDIFF_STATE`. Written
//! atomically (a temporary file renamed over the old one); a missing or
//! unreadable file means nothing is remembered, never an error.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// How many stories are remembered; the least recently used go first.
const MAX_VIEWS: usize = 200;

/// The key of the bundled sample story.
pub const SAMPLE_KEY: &str = "(sample story)";

/// View settings of one story or pair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewState {
    #[serde(default)]
    pub inline: bool,
    #[serde(default = "yes")]
    pub wrap: bool,
    #[serde(default)]
    pub fold_boilerplate: bool,
    #[serde(default)]
    pub fold_unchanged: bool,
    /// The story view's tab (0 articles, 1 quotes, 2 coverage).
    #[serde(default)]
    pub tab: u8,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    view: ViewState,
    /// Seconds since the epoch when last used.
    used: u64,
}

/// Everything remembered.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct State {
    /// The files of the last story or pair opened (absolute paths).
    #[serde(default)]
    pub last_story: Option<Vec<String>>,
    #[serde(default)]
    views: BTreeMap<String, Entry>,
}

/// The state file's path: `STORYDIFF_STATE`, else `state.json` in the
/// platform state dir (the local data dir where there is none).
pub fn state_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("STORYDIFF_STATE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "storydiff")?;
    let dir = dirs
        .state_dir()
        .unwrap_or_else(|| dirs.data_local_dir())
        .to_path_buf();
    Some(dir.join("state.json"))
}

/// The key a story is remembered by: its files' absolute paths, sorted, one
/// per line (the same files in any order are the same story).
pub fn story_key(paths: &[String]) -> String {
    let mut abs: Vec<String> = paths.iter().map(|p| absolute(p)).collect();
    abs.sort();
    abs.join("\n")
}

/// A path made absolute (and canonical when it exists), as text.
pub fn absolute(path: &str) -> String {
    if path == "-" || crate::source::is_url(path) {
        return path.to_string();
    }
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.to_string())
}

impl State {
    /// Reads the state file; nothing remembered when it is missing or broken.
    pub fn load() -> State {
        state_path()
            .map(|p| State::load_from(&p))
            .unwrap_or_default()
    }

    pub fn load_from(path: &Path) -> State {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// The settings a story was left with, if remembered.
    pub fn view(&self, key: &str) -> Option<ViewState> {
        self.views.get(key).map(|e| e.view)
    }

    /// Remembers a story's settings (and that it was the last one opened).
    pub fn remember(&mut self, key: &str, files: Option<Vec<String>>, view: ViewState) {
        let used = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.views.insert(key.to_string(), Entry { view, used });
        while self.views.len() > MAX_VIEWS {
            let oldest = self
                .views
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => self.views.remove(&k),
                None => break,
            };
        }
        // The sample story is not one the reader opened: the last real one
        // stays on record.
        if files.is_some() {
            self.last_story = files;
        }
    }

    /// Writes the state file atomically: a temporary file beside it, then
    /// renamed over it, so a crash never leaves half a file.
    pub fn save(&self) -> std::io::Result<()> {
        match state_path() {
            Some(p) => self.save_to(&p),
            None => Ok(()),
        }
    }

    pub fn save_to(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(format!(".{}.tmp", std::process::id()));
        let tmp = PathBuf::from(tmp);
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            serde_json::to_writer_pretty(&mut f, self)?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("storydiff-state-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn remembers_views_across_a_save() {
        let p = dir("round").join("sub").join("state.json");
        let mut s = State::default();
        let v = ViewState {
            inline: true,
            wrap: false,
            fold_boilerplate: true,
            fold_unchanged: false,
            tab: 2,
        };
        s.remember("a\nb", Some(vec!["a".into(), "b".into()]), v);
        s.save_to(&p).unwrap();
        let back = State::load_from(&p);
        assert_eq!(back.view("a\nb"), Some(v));
        assert_eq!(back.view("c"), None);
        assert_eq!(
            back.last_story,
            Some(vec!["a".to_string(), "b".to_string()])
        );
        // No temporary file is left beside it.
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn broken_or_missing_file_remembers_nothing() {
        let d = dir("broken");
        std::fs::create_dir_all(&d).unwrap();
        let p = d.join("state.json");
        assert!(State::load_from(&p).views.is_empty());
        std::fs::write(&p, "{ not json").unwrap();
        let s = State::load_from(&p);
        assert!(s.views.is_empty() && s.last_story.is_none());
        // A file from an older version with fewer fields still reads.
        std::fs::write(&p, r#"{"views":{"k":{"inline":true,"used":1}}}"#).unwrap();
        let v = State::load_from(&p).view("k").unwrap();
        assert!(v.inline && v.wrap && !v.fold_boilerplate);
    }

    #[test]
    fn least_recently_used_stories_are_forgotten_first() {
        let mut s = State::default();
        for i in 0..MAX_VIEWS + 5 {
            s.remember(&format!("story {i:03}"), None, ViewState::default());
            // Same second: make the order explicit.
            s.views.get_mut(&format!("story {i:03}")).unwrap().used = i as u64;
        }
        s.remember("latest", None, ViewState::default());
        assert_eq!(s.views.len(), MAX_VIEWS);
        assert!(s.view("latest").is_some());
        assert!(s.view("story 000").is_none());
        assert_eq!(
            s.last_story, None,
            "the sample and keys alone are not files"
        );
    }

    #[test]
    fn the_same_files_in_any_order_are_one_story() {
        let a = story_key(&["Cargo.toml".into(), "src/lib.rs".into()]);
        let b = story_key(&["src/lib.rs".into(), "./Cargo.toml".into()]);
        assert_eq!(a, b);
        assert!(a.lines().all(|l| Path::new(l).is_absolute()));
    }
}
