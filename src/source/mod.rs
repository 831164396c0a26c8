//! Sources: where articles come from when they are not files — web pages,
//! fetched over HTTP and kept, every version, in the archive.
//!
//! First stage of the flow, beside the loader (`files, URLs (─▶ archive) ─▶
//! article`): an argument is a file, a URL, or `URL@N` (a stored version).
//! URLs are fetched (`fetch`), stored (`archive`) and handed to the loader as
//! bytes with the charset the server declared; what comes out is an ordinary
//! [`Article`] whose path is the URL. The engine is used once, to count the
//! words a new version adds and removes. Nothing here knows about terminals
//! or command lines.

pub mod archive;
pub mod fetch;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::align::{align, AlignOptions};
use crate::article::{
    load_article, load_articles, load_bytes, Article, FileError, Format, LoadError, LoadOptions,
    Role,
};
use archive::{Archive, ArchiveError, Delta, NewVersion, Stored, StoredVersion, VersionInfo};
use fetch::{Client, FetchError, FetchOptions, Fetched, Page};

/// Which stored version a `URL@…` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionRef {
    /// `@N`: the Nth stored version, 1 = the first.
    Nth(u32),
    /// `@latest`.
    Latest,
    /// `@-K`: K versions before the latest.
    BeforeLatest(u32),
}

/// What a command-line argument names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    File(String),
    Url {
        url: String,
        version: Option<VersionRef>,
    },
}

/// Whether `arg` is a web address (`http://…` or `https://…`).
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads an argument: a file path, a URL, or `URL@N` / `URL@latest` / `URL@-1`.
pub fn parse_source(arg: &str) -> Result<Source, String> {
    if !is_url(arg) {
        return Ok(Source::File(arg.to_string()));
    }
    let Some((url, tail)) = arg.rsplit_once('@') else {
        return Ok(Source::Url {
            url: arg.to_string(),
            version: None,
        });
    };
    let version = if tail.eq_ignore_ascii_case("latest") {
        VersionRef::Latest
    } else if let Some(k) = tail.strip_prefix('-') {
        match k.parse::<u32>() {
            Ok(k) => VersionRef::BeforeLatest(k),
            Err(_) => {
                return Ok(Source::Url {
                    url: arg.to_string(),
                    version: None,
                })
            }
        }
    } else if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) {
        match tail.parse::<u32>() {
            Ok(0) => {
                return Err(format!(
                    "{arg}: versions are numbered from 1 (@1 is the first)"
                ))
            }
            Ok(n) => VersionRef::Nth(n),
            Err(_) => return Err(format!("{arg}: no such version")),
        }
    } else {
        // An `@` inside the address (`http://user@host/`), not a version.
        return Ok(Source::Url {
            url: arg.to_string(),
            version: None,
        });
    };
    Ok(Source::Url {
        url: url.to_string(),
        version: Some(version),
    })
}

/// How sources are opened. Defaults suit the command line.
#[derive(Clone, Debug)]
pub struct SourceOptions {
    pub fetch: FetchOptions,
    /// Never touch the network: stored versions only.
    pub offline: bool,
    /// Always fetch, even when the stored copy is fresh.
    pub refresh: bool,
    /// A page checked this recently is taken from the archive.
    pub fresh_for: Duration,
    /// The archive file (default: `Archive::default_path`).
    pub archive: Option<PathBuf>,
    /// Pages fetched at once.
    pub concurrency: usize,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            fetch: FetchOptions::default(),
            offline: false,
            refresh: false,
            fresh_for: Duration::from_secs(600),
            archive: None,
            concurrency: 4,
        }
    }
}

/// Why a source could not be opened; displays as one line naming the URL,
/// file or archive.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{url}: {error}")]
    Fetch { url: String, error: FetchError },
    #[error("{url}: {error}")]
    Load { url: String, error: LoadError },
    #[error("{url}: not in the archive (--offline: the network is not used)")]
    Offline { url: String },
    #[error("{name}: {reason}")]
    Version { name: String, reason: String },
    #[error("{}: {error}", path.display())]
    Archive { path: PathBuf, error: ArchiveError },
    #[error("no archive location: set STORYDIFF_ARCHIVE")]
    NoArchivePath,
    #[error(transparent)]
    File(#[from] FileError),
    /// Reading the argument hit a bug (a panic, caught so that the other
    /// arguments are still read).
    #[error("{name}: could not be read: internal error ({reason}); please report it")]
    Internal { name: String, reason: String },
}

thread_local! {
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into what it said: a bug met reading one
/// argument becomes that argument's error, and the others are still read.
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let before = CATCHING.replace(true);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CATCHING.set(before);
    result.map_err(|payload| panic_text(payload.as_ref()))
}

/// `open` with a panic turned into `arg`'s error.
fn caught<T>(arg: &str, open: impl FnOnce() -> Result<T, SourceError>) -> Result<T, SourceError> {
    catch_panic(open).unwrap_or_else(|reason| {
        Err(SourceError::Internal {
            name: arg.to_string(),
            reason,
        })
    })
}

/// What a panic said (its payload is a `&str` or a `String`).
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

/// Whether a panic on this thread is being caught by `catch_panic` (and
/// reported as an error): the binary's panic hook then stays quiet.
pub fn panic_is_caught() -> bool {
    CATCHING.get()
}

/// What a fetch into the archive found.
pub struct Outcome {
    pub stored: Stored,
    pub article: Article,
}

/// Opens files and URLs; one per run, shared by the fetching threads.
pub struct Sources {
    options: SourceOptions,
    client: OnceLock<Client>,
}

impl Sources {
    pub fn new(options: SourceOptions) -> Sources {
        Sources {
            options,
            client: OnceLock::new(),
        }
    }

    pub fn options(&self) -> &SourceOptions {
        &self.options
    }

    fn client(&self) -> &Client {
        self.client
            .get_or_init(|| Client::new(self.options.fetch.clone()))
    }

    /// The archive's path.
    pub fn archive_path(&self) -> Result<PathBuf, SourceError> {
        self.options
            .archive
            .clone()
            .or_else(Archive::default_path)
            .ok_or(SourceError::NoArchivePath)
    }

    /// Opens the archive.
    pub fn archive(&self) -> Result<Archive, SourceError> {
        let path = self.archive_path()?;
        Archive::open(&path).map_err(|error| SourceError::Archive { path, error })
    }

    fn archive_error(&self, error: ArchiveError) -> SourceError {
        SourceError::Archive {
            path: self.archive_path().unwrap_or_default(),
            error,
        }
    }

    /// Opens one argument: a file, a URL (fetched unless fresh in the
    /// archive), or a stored version.
    /// A bug met on the way is this argument's error (`SourceError::Internal`).
    pub fn open(&self, arg: &str, load: &LoadOptions) -> Result<Article, SourceError> {
        caught(arg, || self.open_uncaught(arg, load))
    }

    fn open_uncaught(&self, arg: &str, load: &LoadOptions) -> Result<Article, SourceError> {
        let source = parse_source(arg).map_err(|reason| SourceError::Version {
            name: arg.to_string(),
            reason: reason
                .strip_prefix(&format!("{arg}: "))
                .unwrap_or(&reason)
                .to_string(),
        })?;
        match source {
            Source::File(path) => Ok(load_article(&path, load)?),
            Source::Url {
                url,
                version: Some(v),
            } => self.open_version(&url, v, arg, load),
            Source::Url { url, version: None } => self.open_url(&url, load),
        }
    }

    /// Opens one argument as every article it holds: a file of many records
    /// (JSONL) gives one per record; a page, one.
    pub fn open_records(&self, arg: &str, load: &LoadOptions) -> Result<Vec<Article>, SourceError> {
        if is_url(arg) {
            return Ok(vec![self.open(arg, load)?]);
        }
        caught(arg, || Ok(load_articles(arg, load)?))
    }

    /// Opens many arguments (`open_records`), URLs fetched a few at a time;
    /// results in the order given. `progress` is told how many are done.
    pub fn open_all(
        &self,
        args: &[String],
        load: &LoadOptions,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Vec<Result<Vec<Article>, SourceError>> {
        let workers = self.options.concurrency.clamp(1, args.len().max(1));
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let mut slots: Vec<Option<Result<Vec<Article>, SourceError>>> =
            (0..args.len()).map(|_| None).collect();
        let results = std::sync::Mutex::new(&mut slots);
        std::thread::scope(|s| {
            for _ in 0..workers {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(arg) = args.get(i) else { break };
                    let r = self.open_records(arg, load);
                    results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1, args.len());
                });
            }
        });
        slots
            .into_iter()
            .map(|r| r.expect("every argument was opened"))
            .collect()
    }

    /// The versions of `url` in the archive (none when there is no archive yet:
    /// listing does not create one).
    pub fn history(&self, url: &str) -> Result<Vec<VersionInfo>, SourceError> {
        if !self.archive_path()?.exists() {
            return Ok(Vec::new());
        }
        let archive = self.archive()?;
        archive.versions(url).map_err(|e| self.archive_error(e))
    }

    /// Stored pages that are probably the one meant: the same address apart
    /// from the scheme, `www.`, a trailing slash or a fragment.
    pub fn similar_pages(&self, url: &str) -> Result<Vec<String>, SourceError> {
        if !self.archive_path()?.exists() {
            return Ok(Vec::new());
        }
        let pages = self.archive()?.pages().map_err(|e| self.archive_error(e))?;
        let want = loose_address(url);
        Ok(pages
            .into_iter()
            .filter(|(page, n)| *n > 0 && page != url && loose_address(page) == want)
            .map(|(page, _)| page)
            .collect())
    }

    /// Stored version `n` of `url`, loaded as an article named `name`.
    pub fn load_version(
        &self,
        archive: &Archive,
        url: &str,
        n: u32,
        name: &str,
        load: &LoadOptions,
    ) -> Result<Article, SourceError> {
        let v = archive
            .version(url, n)
            .map_err(|e| self.archive_error(e))?
            .ok_or_else(|| SourceError::Version {
                name: name.to_string(),
                reason: "no such version in the archive".into(),
            })?;
        stored_article(&v, name, load)
    }

    fn open_version(
        &self,
        url: &str,
        v: VersionRef,
        name: &str,
        load: &LoadOptions,
    ) -> Result<Article, SourceError> {
        let archive = self.archive()?;
        let count = archive
            .versions(url)
            .map_err(|e| self.archive_error(e))?
            .len() as u32;
        let n = resolve(v, count).map_err(|reason| SourceError::Version {
            name: name.to_string(),
            reason,
        })?;
        self.load_version(&archive, url, n, name, load)
    }

    fn open_url(&self, url: &str, load: &LoadOptions) -> Result<Article, SourceError> {
        let mut archive = self.archive()?;
        let check = archive.last_check(url).map_err(|e| self.archive_error(e))?;
        if self.options.offline {
            let check = check.ok_or_else(|| SourceError::Offline {
                url: url.to_string(),
            })?;
            return self.load_version(&archive, url, check.n, url, load);
        }
        if let Some(c) = &check {
            let age = now().saturating_sub(c.checked_at);
            if !self.options.refresh && (age as u64) < self.options.fresh_for.as_secs() {
                return self.load_version(&archive, url, c.n, url, load);
            }
        }
        let validators = check.map(|c| c.validators).unwrap_or_default();
        Ok(self
            .fetch_into(&mut archive, url, &validators, load)?
            .article)
    }

    /// Fetches `url` (conditionally with `validators`), stores what it finds
    /// and loads it. A failure stores nothing.
    pub fn fetch_into(
        &self,
        archive: &mut Archive,
        url: &str,
        validators: &fetch::Validators,
        load: &LoadOptions,
    ) -> Result<Outcome, SourceError> {
        let fetched_at = now();
        let fetched = self
            .client()
            .fetch(url, validators)
            .map_err(|error| SourceError::Fetch {
                url: url.to_string(),
                error,
            })?;
        let page = match fetched {
            Fetched::Page(page) => page,
            Fetched::NotModified => {
                let n = archive
                    .record_unchanged(url, fetched_at)
                    .map_err(|e| self.archive_error(e))?;
                let Some(n) = n else {
                    return Err(SourceError::Version {
                        name: url.to_string(),
                        reason: "the server said 304 Not Modified, but nothing is stored".into(),
                    });
                };
                let article = self.load_version(archive, url, n, url, load)?;
                return Ok(Outcome {
                    stored: Stored::Unchanged { n },
                    article,
                });
            }
        };
        let article = page_article(&page, url, load).map_err(|error| SourceError::Load {
            url: url.to_string(),
            error,
        })?;
        let key = content_key(&article);
        let new = NewVersion {
            url,
            fetched_at,
            final_url: &page.final_url,
            status: page.status,
            content_type: page.content_type.as_deref(),
            charset: page.charset.as_deref(),
            validators: &page.validators,
            raw: &page.body,
            text: &article.text,
            content_key: &key,
            words: article.words() as u64,
        };
        let stored = archive
            .store(&new, |previous| delta(previous, &article, load))
            .map_err(|e| self.archive_error(e))?;
        Ok(Outcome { stored, article })
    }
}

/// The version number a reference names among `count` stored versions.
pub fn resolve(v: VersionRef, count: u32) -> Result<u32, String> {
    if count == 0 {
        return Err("not in the archive (fetch it first: storydiff inspect URL)".into());
    }
    let n = match v {
        VersionRef::Nth(n) => n,
        VersionRef::Latest => count,
        VersionRef::BeforeLatest(k) => count.saturating_sub(k),
    };
    if n == 0 || n > count {
        let held = if count == 1 {
            "1 version".to_string()
        } else {
            format!("{count} versions")
        };
        return Err(format!("no such version: the archive holds {held}"));
    }
    Ok(n)
}

/// Loads a stored version as it was loaded when fetched.
fn stored_article(
    v: &StoredVersion,
    name: &str,
    load: &LoadOptions,
) -> Result<Article, SourceError> {
    let page = Page {
        final_url: v.final_url.clone(),
        status: 200,
        content_type: v.content_type.clone(),
        charset: v.charset.clone(),
        validators: Default::default(),
        body: v.raw.clone(),
    };
    page_article(&page, name, load).map_err(|error| SourceError::Load {
        url: name.to_string(),
        error,
    })
}

/// A fetched page through the loader: the format from the media type, the
/// charset from the header, the outlet from the host when the page names none.
fn page_article(page: &Page, name: &str, load: &LoadOptions) -> Result<Article, LoadError> {
    let format = match page.content_type.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Some(Format::Html),
        Some("text/plain") => Some(Format::Text),
        Some("text/markdown") => Some(Format::Markdown),
        Some("application/json" | "application/ld+json") => Some(Format::Json),
        _ => load.format,
    };
    let options = LoadOptions {
        format,
        charset: page.charset.clone(),
        ..load.clone()
    };
    let mut article = load_bytes(name, &page.body, &options)?;
    if article.meta.outlet.is_none() {
        article.meta.outlet = host(&page.final_url);
    }
    Ok(article)
}

/// `https://www.example.com:8080/x` → `example.com`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `https://www.example.org/a/#top` → `example.org/a`.
fn loose_address(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or(rest);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_ascii_lowercase()
}

/// Words added and removed from the previous version to this one, and the
/// changed passages whose edits carry facts (numbers, names, quotes,
/// attribution, negation, hedges).
fn delta(previous: &StoredVersion, article: &Article, load: &LoadOptions) -> Delta {
    let Ok(old) = stored_article(previous, &article.path, load) else {
        return Delta::default();
    };
    let c = align(&old, article, &AlignOptions::default());
    let fact_changes = c
        .ops
        .iter()
        .filter(|op| op.classes.facts().next().is_some())
        .count();
    Delta {
        words_added: c.stats.words_inserted as u64,
        words_removed: c.stats.words_deleted as u64,
        fact_changes: Some(fact_changes as u64),
    }
}

/// A key of the article's own text (furniture, teasers and date lines left
/// out, spaces folded): a fetch whose key matches the latest version's adds
/// no version, so a rotating "most read" box or a "3 hours ago" line does not
/// make a new version.
pub fn content_key(article: &Article) -> String {
    // FNV-1a, 64 bits: stable across builds, unlike the std hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for block in article
        .blocks
        .iter()
        .filter(|b| !matches!(b.role, Role::Boilerplate | Role::Related | Role::Date))
    {
        for word in article.slice(block.span).split_whitespace() {
            word.bytes().for_each(&mut feed);
            feed(b' ');
        }
        feed(b'\n');
    }
    format!("{h:016x}")
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// `2026-11-30T07:55:12Z` for seconds since the epoch.
pub fn format_time(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_reading_becomes_the_arguments_error() {
        assert!(!panic_is_caught());
        let r: Result<(), SourceError> = caught("page.html", || {
            assert!(panic_is_caught());
            panic!("index {} out of range", 7)
        });
        let e = r.expect_err("the panic is an error").to_string();
        assert_eq!(
            e,
            "page.html: could not be read: internal error (index 7 out of range); please report it"
        );
        assert!(!panic_is_caught());
    }

    fn url(u: &str, v: Option<VersionRef>) -> Source {
        Source::Url {
            url: u.to_string(),
            version: v,
        }
    }

    #[test]
    fn arguments_are_files_urls_or_stored_versions() {
        assert_eq!(parse_source("a.html"), Ok(Source::File("a.html".into())));
        assert_eq!(parse_source("a@1"), Ok(Source::File("a@1".into())));
        assert_eq!(
            parse_source("https://x.org/a"),
            Ok(url("https://x.org/a", None))
        );
        assert_eq!(
            parse_source("https://x.org/a@1"),
            Ok(url("https://x.org/a", Some(VersionRef::Nth(1))))
        );
        assert_eq!(
            parse_source("HTTP://x.org/a@latest"),
            Ok(url("HTTP://x.org/a", Some(VersionRef::Latest)))
        );
        assert_eq!(
            parse_source("http://x.org/a@-1"),
            Ok(url("http://x.org/a", Some(VersionRef::BeforeLatest(1))))
        );
        assert_eq!(
            parse_source("http://user@x.org/a"),
            Ok(url("http://user@x.org/a", None))
        );
        assert_eq!(
            parse_source("http://x.org/@handle"),
            Ok(url("http://x.org/@handle", None))
        );
        assert!(parse_source("http://x.org/a@0")
            .unwrap_err()
            .contains("numbered from 1"));
        assert!(parse_source("http://x.org/a@99999999999").is_err());
    }

    #[test]
    fn references_resolve_against_the_stored_count() {
        assert_eq!(resolve(VersionRef::Nth(2), 3), Ok(2));
        assert_eq!(resolve(VersionRef::Latest, 3), Ok(3));
        assert_eq!(resolve(VersionRef::BeforeLatest(1), 3), Ok(2));
        assert_eq!(resolve(VersionRef::BeforeLatest(0), 3), Ok(3));
        assert!(resolve(VersionRef::BeforeLatest(3), 3)
            .unwrap_err()
            .contains("3 versions"));
        assert!(resolve(VersionRef::Nth(4), 3).is_err());
        assert!(resolve(VersionRef::Latest, 0)
            .unwrap_err()
            .contains("not in the archive"));
    }

    #[test]
    fn times_print_as_iso_8601_utc() {
        assert_eq!(format_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_time(1_739_474_000), "2025-02-13T19:13:20Z");
        assert_eq!(format_time(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn the_content_key_ignores_furniture_and_date_lines_but_not_the_body() {
        let load = |text: &str, first_role: Role| {
            let mut a = load_bytes("page.txt", text.as_bytes(), &LoadOptions::default()).unwrap();
            a.blocks[0].role = first_role;
            a
        };
        let body = "Ministers met in Brussels on Thursday to discuss air defence.";
        let a = load(&format!("Updated 3 hours ago\n\n{body}\n"), Role::Date);
        let b = load(&format!("Updated 4 hours ago\n\n{body}\n"), Role::Date);
        assert_eq!(content_key(&a), content_key(&b));
        let c = load(&format!("Most read: a cat\n\n{body}\n"), Role::Related);
        let d = load(&format!("Most read: a dog\n\n{body}\n"), Role::Related);
        assert_eq!(content_key(&c), content_key(&d));
        let e = load(
            &format!("Updated 4 hours ago\n\n{body}  Twelve  countries.\n"),
            Role::Date,
        );
        let f = load(
            &format!("Updated 4 hours ago\n\n{body} Fourteen countries.\n"),
            Role::Date,
        );
        assert_ne!(content_key(&e), content_key(&f));
        let g = load(
            &format!("Updated 4 hours ago\n\n{body} Twelve\ncountries.\n"),
            Role::Date,
        );
        assert_eq!(content_key(&e), content_key(&g), "spacing is not an edit");
    }

    #[test]
    fn loose_addresses_ignore_scheme_www_slash_and_fragment() {
        assert_eq!(
            loose_address("https://www.Example.org/a/#top"),
            "example.org/a"
        );
        assert_eq!(loose_address("http://example.org/a"), "example.org/a");
        assert_ne!(
            loose_address("http://example.org/a?page=2"),
            "example.org/a"
        );
    }

    #[test]
    fn hosts_name_the_outlet() {
        assert_eq!(host("https://www.bbc.com/news/x"), Some("bbc.com".into()));
        assert_eq!(host("http://127.0.0.1:8080/a"), Some("127.0.0.1".into()));
        assert_eq!(host("http://u@Example.org?x"), Some("example.org".into()));
    }
}
