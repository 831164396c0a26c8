//! The archive: every version of every fetched page, in one SQLite file.
//!
//! A page is a URL as the user gave it. Each fetch is a *check*; a check
//! whose article text differs from the page's latest version adds a
//! *version* (numbered 1, 2, … per page) holding the raw bytes (compressed),
//! the extracted text and its word counts against the version before. A
//! version and its check are written in one transaction, so a process killed
//! half-way leaves nothing partial; WAL mode and a busy timeout let several
//! storydiff processes write at once.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::fetch::Validators;

/// Marks the file as a storydiff archive (`PRAGMA application_id`, "SDif").
const APPLICATION_ID: i32 = 0x5344_6966;
/// The schema version (`PRAGMA user_version`).
const SCHEMA_VERSION: i32 = 1;
/// How long a writer waits for another process's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS pages (
    id   INTEGER PRIMARY KEY,
    url  TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS versions (
    id            INTEGER PRIMARY KEY,
    page          INTEGER NOT NULL REFERENCES pages(id),
    n             INTEGER NOT NULL,
    fetched_at    INTEGER NOT NULL,
    final_url     TEXT NOT NULL,
    status        INTEGER NOT NULL,
    content_type  TEXT,
    charset       TEXT,
    etag          TEXT,
    last_modified TEXT,
    content_key   TEXT NOT NULL,
    words         INTEGER NOT NULL,
    words_added   INTEGER NOT NULL,
    words_removed INTEGER NOT NULL,
    fact_changes  INTEGER,
    text          TEXT NOT NULL,
    raw           BLOB NOT NULL,
    UNIQUE (page, n)
);
CREATE TABLE IF NOT EXISTS checks (
    id            INTEGER PRIMARY KEY,
    page          INTEGER NOT NULL REFERENCES pages(id),
    checked_at    INTEGER NOT NULL,
    n             INTEGER NOT NULL,
    etag          TEXT,
    last_modified TEXT
);
CREATE INDEX IF NOT EXISTS checks_by_page ON checks (page, checked_at);
";

/// Why the archive could not be used. Each message reads well after "PATH: ".
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("not a storydiff archive ({0}); move it away or set STORYDIFF_ARCHIVE")]
    Foreign(String),
    #[error("the archive is damaged ({0}); move it away or set STORYDIFF_ARCHIVE")]
    Damaged(String),
    #[error("written by a newer storydiff (schema {0})")]
    Newer(i32),
    #[error("cannot open the archive: {0}")]
    Open(String),
    #[error("{0}")]
    Sql(String),
}

impl From<rusqlite::Error> for ArchiveError {
    fn from(e: rusqlite::Error) -> Self {
        classify(e)
    }
}

/// Corruption and foreign files say so; anything else is passed on.
fn classify(e: rusqlite::Error) -> ArchiveError {
    use rusqlite::ffi::ErrorCode as C;
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.code {
            C::NotADatabase => return ArchiveError::Foreign("not an SQLite database".into()),
            C::DatabaseCorrupt => return ArchiveError::Damaged(e.to_string()),
            C::CannotOpen | C::PermissionDenied | C::ReadOnly => {
                return ArchiveError::Open(e.to_string())
            }
            _ => {}
        }
    }
    ArchiveError::Sql(e.to_string())
}

/// What the file holds before anything is written to it.
struct SchemaState {
    application_id: i32,
    tables: i64,
    version: i32,
}

impl SchemaState {
    /// Refuses another program's database and a newer schema.
    fn check(&self) -> Result<(), ArchiveError> {
        if self.application_id != APPLICATION_ID && (self.application_id != 0 || self.tables > 0) {
            return Err(ArchiveError::Foreign(
                "an SQLite database of another program".into(),
            ));
        }
        if self.version > SCHEMA_VERSION {
            return Err(ArchiveError::Newer(self.version));
        }
        Ok(())
    }

    fn is_current(&self) -> bool {
        self.application_id == APPLICATION_ID && self.version == SCHEMA_VERSION
    }
}

/// One version as `history` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionInfo {
    pub n: u32,
    /// Seconds since the Unix epoch, UTC.
    pub fetched_at: i64,
    pub words: u64,
    pub words_added: u64,
    pub words_removed: u64,
    /// Changed passages whose edits carry facts (numbers, names, quotes…),
    /// when the engine classified them.
    pub fact_changes: Option<u64>,
}

/// A stored version with what is needed to load it again.
#[derive(Clone, Debug)]
pub struct StoredVersion {
    pub info: VersionInfo,
    pub final_url: String,
    pub content_type: Option<String>,
    pub charset: Option<String>,
    /// The page as the server sent it (decompressed).
    pub raw: Vec<u8>,
}

/// The latest check of a page: when, which version, its validators.
#[derive(Clone, Debug)]
pub struct Check {
    pub checked_at: i64,
    pub n: u32,
    pub validators: Validators,
}

/// A fetched page ready to store.
pub struct NewVersion<'a> {
    pub url: &'a str,
    /// Seconds since the epoch, when the request started.
    pub fetched_at: i64,
    pub final_url: &'a str,
    pub status: u16,
    pub content_type: Option<&'a str>,
    pub charset: Option<&'a str>,
    pub validators: &'a Validators,
    pub raw: &'a [u8],
    /// The extracted text, and a key of its article text (a new version only
    /// when the key differs from the latest version's).
    pub text: &'a str,
    pub content_key: &'a str,
    pub words: u64,
}

/// Words added and removed against the version before, and fact-bearing changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delta {
    pub words_added: u64,
    pub words_removed: u64,
    pub fact_changes: Option<u64>,
}

/// What storing a fetch did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// A new version, numbered `n`.
    Added { n: u32, delta: Delta },
    /// The article text is that of version `n`: only the check was recorded.
    Unchanged { n: u32 },
}

/// An open archive.
pub struct Archive {
    conn: Connection,
    path: PathBuf,
}

impl Archive {
    /// The archive's path: `STORYDIFF_ARCHIVE`, else `archive.sqlite` in the
    /// platform data directory.
    pub fn default_path() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("STORYDIFF_ARCHIVE").filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
        directories::ProjectDirs::from("", "", "storydiff")
            .map(|d| d.data_dir().join("archive.sqlite"))
    }

    /// Opens (creating if needed) the archive at `path`, checking that it is
    /// one: a foreign or damaged file is an error, never a panic.
    pub fn open(path: &Path) -> Result<Archive, ArchiveError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| ArchiveError::Open(e.to_string()))?;
        }
        if path.is_dir() {
            return Err(ArchiveError::Open("is a directory".into()));
        }
        let conn = Connection::open(path).map_err(|e| ArchiveError::Open(e.to_string()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let archive = Archive {
            conn,
            path: path.to_path_buf(),
        };
        archive.prepare_schema()?;
        Ok(archive)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Checks the file is ours (or empty), turns WAL on, creates the tables.
    /// Several processes may open a new archive at once: the checks read one
    /// snapshot, and the tables are created under the write lock, checked again.
    fn prepare_schema(&self) -> Result<(), ArchiveError> {
        let state = self.schema_state()?;
        state.check()?;
        self.use_wal()?;
        self.conn.execute_batch("PRAGMA synchronous = NORMAL")?;
        if state.is_current() {
            return Ok(());
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = self.schema_state().and_then(|state| {
            state.check()?;
            if !state.is_current() {
                self.conn.execute_batch(&format!(
                    "{SCHEMA} PRAGMA application_id = {APPLICATION_ID}; \
                     PRAGMA user_version = {SCHEMA_VERSION};"
                ))?;
            }
            Ok(())
        });
        match result {
            Ok(()) => self.conn.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
        Ok(())
    }

    /// The application id, table count and schema version, read in one snapshot.
    fn schema_state(&self) -> Result<SchemaState, ArchiveError> {
        let read = || -> Result<SchemaState, rusqlite::Error> {
            Ok(SchemaState {
                application_id: self
                    .conn
                    .query_row("PRAGMA application_id", [], |r| r.get(0))?,
                tables: self.conn.query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                    [],
                    |r| r.get(0),
                )?,
                version: self
                    .conn
                    .query_row("PRAGMA user_version", [], |r| r.get(0))?,
            })
        };
        if !self.conn.is_autocommit() {
            return Ok(read()?);
        }
        let tx = self.conn.unchecked_transaction()?;
        let state = read()?;
        tx.commit()?;
        Ok(state)
    }

    /// Turns WAL on. Switching needs a moment alone with the file, so a
    /// process that meets another one creating the archive waits and retries.
    fn use_wal(&self) -> Result<(), ArchiveError> {
        let started = std::time::Instant::now();
        loop {
            let mode = self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
            match mode {
                Ok(_) => return Ok(()),
                Err(rusqlite::Error::SqliteFailure(f, _))
                    if matches!(
                        f.code,
                        rusqlite::ffi::ErrorCode::DatabaseBusy
                            | rusqlite::ffi::ErrorCode::DatabaseLocked
                    ) && started.elapsed() < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// The latest check of `url`, if it was ever fetched.
    pub fn last_check(&self, url: &str) -> Result<Option<Check>, ArchiveError> {
        let check = self
            .conn
            .query_row(
                "SELECT c.checked_at, c.n, c.etag, c.last_modified FROM checks c \
                 JOIN pages p ON p.id = c.page WHERE p.url = ?1 \
                 ORDER BY c.checked_at DESC, c.id DESC LIMIT 1",
                [url],
                |r| {
                    Ok(Check {
                        checked_at: r.get(0)?,
                        n: r.get(1)?,
                        validators: Validators {
                            etag: r.get(2)?,
                            last_modified: r.get(3)?,
                        },
                    })
                },
            )
            .optional()?;
        Ok(check)
    }

    /// Records a check that found the page unchanged (`304 Not Modified`).
    pub fn record_unchanged(&mut self, url: &str, at: i64) -> Result<Option<u32>, ArchiveError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(page) = page_id(&tx, url)? else {
            return Ok(None);
        };
        let last = tx
            .query_row(
                "SELECT n, etag, last_modified FROM checks WHERE page = ?1 \
                 ORDER BY checked_at DESC, id DESC LIMIT 1",
                [page],
                |r| {
                    Ok((
                        r.get::<_, u32>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                    ))
                },
            )
            .optional()?;
        let Some((n, etag, lm)) = last else {
            return Ok(None);
        };
        tx.execute(
            "INSERT INTO checks (page, checked_at, n, etag, last_modified) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![page, at, n, etag, lm],
        )?;
        tx.commit()?;
        Ok(Some(n))
    }

    /// Stores a fetch: a new version when the article text changed, else only
    /// the check. `delta` compares the page with the latest version (called
    /// inside the transaction, so the counts are against the version that
    /// really comes before). One transaction: all or nothing.
    pub fn store(
        &mut self,
        new: &NewVersion,
        delta: impl FnOnce(&StoredVersion) -> Delta,
    ) -> Result<Stored, ArchiveError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("INSERT OR IGNORE INTO pages (url) VALUES (?1)", [new.url])?;
        let page = page_id(&tx, new.url)?.expect("the page was just inserted");
        let latest: Option<(u32, String, i64)> = tx
            .query_row(
                "SELECT n, content_key, fetched_at FROM versions WHERE page = ?1 ORDER BY n DESC LIMIT 1",
                [page],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let stored = match latest {
            Some((n, key, _)) if key == new.content_key => Stored::Unchanged { n },
            // Another process stored a later fetch while this one was in
            // flight: the archive already knows a newer state of the page.
            Some((n, _, at)) if at > new.fetched_at => Stored::Unchanged { n },
            Some((n, _, _)) => {
                let previous = read_version(&tx, page, n)?;
                let d = delta(&previous);
                insert_version(&tx, page, n + 1, new, d)?;
                Stored::Added { n: n + 1, delta: d }
            }
            None => {
                let d = Delta::default();
                insert_version(&tx, page, 1, new, d)?;
                Stored::Added { n: 1, delta: d }
            }
        };
        let n = match &stored {
            Stored::Added { n, .. } | Stored::Unchanged { n } => *n,
        };
        tx.execute(
            "INSERT INTO checks (page, checked_at, n, etag, last_modified) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                page,
                new.fetched_at,
                n,
                new.validators.etag,
                new.validators.last_modified
            ],
        )?;
        tx.commit()?;
        Ok(stored)
    }

    /// The versions of `url`, oldest first (empty when it was never fetched).
    pub fn versions(&self, url: &str) -> Result<Vec<VersionInfo>, ArchiveError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.n, v.fetched_at, v.words, v.words_added, v.words_removed, v.fact_changes \
             FROM versions v JOIN pages p ON p.id = v.page WHERE p.url = ?1 ORDER BY v.n",
        )?;
        let rows = stmt.query_map([url], version_info)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Version `n` of `url`.
    pub fn version(&self, url: &str, n: u32) -> Result<Option<StoredVersion>, ArchiveError> {
        let Some(page) = page_id(&self.conn, url)? else {
            return Ok(None);
        };
        match read_version(&self.conn, page, n) {
            Ok(v) => Ok(Some(v)),
            Err(ArchiveError::Sql(_)) if !has_version(&self.conn, page, n)? => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every URL in the archive with its number of versions.
    pub fn pages(&self) -> Result<Vec<(String, u32)>, ArchiveError> {
        let mut stmt = self.conn.prepare(
            "SELECT p.url, count(v.id) FROM pages p LEFT JOIN versions v ON v.page = p.id \
             GROUP BY p.id ORDER BY p.url",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// `PRAGMA integrity_check`: "ok", or what SQLite found.
    pub fn integrity_check(&self) -> Result<String, ArchiveError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

fn page_id(conn: &Connection, url: &str) -> Result<Option<i64>, ArchiveError> {
    Ok(conn
        .query_row("SELECT id FROM pages WHERE url = ?1", [url], |r| r.get(0))
        .optional()?)
}

fn has_version(conn: &Connection, page: i64, n: u32) -> Result<bool, ArchiveError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM versions WHERE page = ?1 AND n = ?2",
            params![page, n],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

fn version_info(r: &rusqlite::Row) -> rusqlite::Result<VersionInfo> {
    Ok(VersionInfo {
        n: r.get(0)?,
        fetched_at: r.get(1)?,
        words: r.get(2)?,
        words_added: r.get(3)?,
        words_removed: r.get(4)?,
        fact_changes: r.get(5)?,
    })
}

fn read_version(conn: &Connection, page: i64, n: u32) -> Result<StoredVersion, ArchiveError> {
    let (info, final_url, content_type, charset, packed) = conn.query_row(
        "SELECT n, fetched_at, words, words_added, words_removed, fact_changes, \
         final_url, content_type, charset, raw FROM versions WHERE page = ?1 AND n = ?2",
        params![page, n],
        |r| {
            Ok((
                version_info(r)?,
                r.get::<_, String>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, Vec<u8>>(9)?,
            ))
        },
    )?;
    let raw = unpack(&packed)
        .map_err(|e| ArchiveError::Damaged(format!("version {n} cannot be unpacked: {e}")))?;
    Ok(StoredVersion {
        info,
        final_url,
        content_type,
        charset,
        raw,
    })
}

fn insert_version(
    conn: &Connection,
    page: i64,
    n: u32,
    new: &NewVersion,
    delta: Delta,
) -> Result<(), ArchiveError> {
    conn.execute(
        "INSERT INTO versions (page, n, fetched_at, final_url, status, content_type, charset, \
         etag, last_modified, content_key, words, words_added, words_removed, fact_changes, text, raw) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            page,
            n,
            new.fetched_at,
            new.final_url,
            new.status,
            new.content_type,
            new.charset,
            new.validators.etag,
            new.validators.last_modified,
            new.content_key,
            new.words,
            delta.words_added,
            delta.words_removed,
            delta.fact_changes,
            new.text,
            pack(new.raw),
        ],
    )?;
    Ok(())
}

/// The raw page, gzip-compressed (news HTML shrinks to about a fifth).
fn pack(raw: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(raw).expect("writing to memory");
    enc.finish().expect("writing to memory")
}

fn unpack(packed: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(packed).read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("storydiff-archive-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("archive.sqlite")
    }

    fn page<'a>(url: &'a str, at: i64, text: &'a str, v: &'a Validators) -> NewVersion<'a> {
        NewVersion {
            url,
            fetched_at: at,
            final_url: url,
            status: 200,
            content_type: Some("text/html"),
            charset: None,
            validators: v,
            raw: text.as_bytes(),
            text,
            content_key: text,
            words: text.split_whitespace().count() as u64,
        }
    }

    #[test]
    fn a_changed_text_adds_a_version_and_an_unchanged_one_only_a_check() {
        let path = temp("versions");
        let mut a = Archive::open(&path).unwrap();
        let v = Validators::default();
        let d = |_: &StoredVersion| Delta {
            words_added: 2,
            words_removed: 1,
            fact_changes: None,
        };
        assert_eq!(
            a.store(&page("http://x/a", 10, "one two", &v), d).unwrap(),
            Stored::Added {
                n: 1,
                delta: Delta::default()
            }
        );
        assert_eq!(
            a.store(&page("http://x/a", 20, "one two", &v), d).unwrap(),
            Stored::Unchanged { n: 1 }
        );
        let added = a
            .store(&page("http://x/a", 30, "one three four", &v), d)
            .unwrap();
        assert!(matches!(added, Stored::Added { n: 2, .. }));
        let list = a.versions("http://x/a").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!((list[1].words_added, list[1].words_removed), (2, 1));
        assert_eq!(
            a.version("http://x/a", 2).unwrap().unwrap().raw,
            b"one three four"
        );
        assert!(a.version("http://x/a", 3).unwrap().is_none());
        assert_eq!(a.last_check("http://x/a").unwrap().unwrap().checked_at, 30);
        assert_eq!(a.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn a_stale_fetch_does_not_follow_a_newer_version() {
        let path = temp("stale");
        let mut a = Archive::open(&path).unwrap();
        let v = Validators::default();
        a.store(&page("http://x/a", 10, "first", &v), |_| Delta::default())
            .unwrap();
        a.store(&page("http://x/a", 30, "second", &v), |_| Delta::default())
            .unwrap();
        // Fetched at 20, before "second", but stored after it.
        let s = a
            .store(&page("http://x/a", 20, "first", &v), |_| Delta::default())
            .unwrap();
        assert_eq!(s, Stored::Unchanged { n: 2 });
    }

    #[test]
    fn foreign_and_damaged_files_are_refused_with_a_reason() {
        let path = temp("foreign");
        std::fs::write(&path, b"<html>not a database at all, but long enough to be read as a header of some sort ...</html>").unwrap();
        let e = Archive::open(&path).err().unwrap().to_string();
        assert!(e.contains("not a storydiff archive"), "{e}");

        let other = temp("other-db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let e = Archive::open(&other).err().unwrap().to_string();
        assert!(e.contains("another program"), "{e}");
    }
}
