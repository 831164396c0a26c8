//! URLs and the archive, against a server this test starts on 127.0.0.1:
//! pages that change between requests, redirects (and a loop), gzip, a 404,
//! a slow response, an oversized body, a server closing mid-body, a page in
//! Windows-1252 declared in its header, an image; two writers at once, a
//! killed fetch, a damaged archive, `URL@N`, history JSON, `watch`.
//! Nothing here reaches beyond the loopback address.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use storydiff::source::archive::Archive;

/// A response the server sends: status, headers, body, and how to misbehave.
#[derive(Clone)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// Send only this many bytes of the body, then close.
    cut_at: Option<usize>,
    /// Wait before sending anything.
    delay: Duration,
    /// Wait after the first bytes of the body (a stalled transfer).
    stall: Duration,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            cut_at: None,
            delay: Duration::ZERO,
            stall: Duration::ZERO,
        }
    }
    fn html(body: &str) -> Reply {
        Reply::new(200, "text/html; charset=utf-8", body)
    }
    fn header(mut self, k: &str, v: &str) -> Reply {
        self.headers.push((k.into(), v.into()));
        self
    }
}

type Route = Box<dyn Fn(&Request) -> Reply + Send + Sync>;

struct Request {
    headers: HashMap<String, String>,
}

/// The test server: routes by path, counts requests per path.
struct Server {
    port: u16,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl Server {
    fn start(routes: Vec<(&'static str, Route)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Arc<HashMap<&'static str, Route>> = Arc::new(routes.into_iter().collect());
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let h = Arc::clone(&hits);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let routes = Arc::clone(&routes);
                let hits = Arc::clone(&h);
                std::thread::spawn(move || serve(stream, &routes, &hits));
            }
        });
        Server { port, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

fn serve(
    mut stream: TcpStream,
    routes: &HashMap<&'static str, Route>,
    hits: &Mutex<HashMap<String, usize>>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    *hits.lock().unwrap().entry(path.clone()).or_default() += 1;
    let reply = match routes.get(path.as_str()) {
        Some(route) => route(&Request { headers }),
        None => Reply::new(404, "text/html", "<h1>Not Found</h1>"),
    };
    std::thread::sleep(reply.delay);
    let reason = match reply.status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Other",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nConnection: close\r\n",
        reply.status
    );
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if reply.status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let body = &reply.body[..reply
        .cut_at
        .unwrap_or(reply.body.len())
        .min(reply.body.len())];
    let first = body.len().min(64);
    let _ = stream.write_all(&body[..first]);
    let _ = stream.flush();
    std::thread::sleep(reply.stall);
    let _ = stream.write_all(&body[first..]);
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

/// An article page: a headline and paragraphs.
fn page(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><title>{title}</title></head><body><article>\
         <h1>{title}</h1>\n{body}</article></body></html>"
    )
}

const FIRST: &[&str] = &[
    "Defence ministers met in Brussels on Thursday to discuss support for Ukraine after weeks of uncertainty about the alliance.",
    "The meeting lasted four hours and ended with a joint statement on air defence and ammunition supplies for the coming year.",
    "Officials said 12 countries had pledged new equipment, including radar systems and armoured vehicles.",
    "The secretary general told reporters that the alliance remained united and that the talks had been constructive.",
];

const SECOND: &[&str] = &[
    "Defence ministers met in Brussels on Thursday to discuss support for Ukraine after weeks of uncertainty about the alliance.",
    "The meeting lasted five hours and ended with a joint statement on air defence and ammunition supplies for the coming year.",
    "Officials said 14 countries had pledged new equipment, including radar systems, drones and armoured vehicles.",
    "The secretary general told reporters that the alliance remained united and that the talks had been constructive.",
    "A further meeting is planned for June in The Hague.",
];

/// A fresh directory for one test's archive and files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("storydiff-web-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn storydiff(archive: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(args)
        .env("STORYDIFF_ARCHIVE", archive)
        .env("STORYDIFF_CONFIG", archive.with_file_name("config.toml"))
        .env("STORYDIFF_STATE", archive.with_file_name("state.json"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// A page whose text is `FIRST` until the test flips it to `SECOND`.
fn changing(phase: &Arc<AtomicUsize>) -> Route {
    let phase = Arc::clone(phase);
    Box::new(move |_| {
        let paragraphs = if phase.load(Ordering::SeqCst) == 0 {
            FIRST
        } else {
            SECOND
        };
        Reply::html(&page("Ministers meet in Brussels", paragraphs))
    })
}

#[test]
fn diff_of_two_pages_works_as_for_files() {
    let dir = temp_dir("pair");
    let a = page("Ministers meet in Brussels", FIRST);
    let b = page("Ministers meet in Brussels", SECOND);
    std::fs::write(dir.join("a.html"), &a).unwrap();
    std::fs::write(dir.join("b.html"), &b).unwrap();
    let server = Server::start(vec![
        ("/a", Box::new(move |_: &Request| Reply::html(&a))),
        ("/b", Box::new(move |_: &Request| Reply::html(&b))),
    ]);
    let archive = dir.join("archive.sqlite");
    let (ua, ub) = (server.url("/a"), server.url("/b"));
    let web = storydiff(&archive, &["diff", &ua, &ub, "--format", "json"]);
    assert_eq!(web.status.code(), Some(1), "{}", stderr(&web));
    let a_file = dir.join("a.html").to_string_lossy().into_owned();
    let b_file = dir.join("b.html").to_string_lossy().into_owned();
    let files = storydiff(&archive, &["diff", &a_file, &b_file, "--format", "json"]);
    let (w, f) = (json(&web), json(&files));
    assert_eq!(w["old"]["path"], ua.as_str());
    assert_eq!(w["new"]["path"], ub.as_str());
    assert_eq!(w["stats"], f["stats"]);
    assert_eq!(w["ops"], f["ops"]);
    assert_eq!(w["relation"], f["relation"]);
    assert_eq!(
        w["old"]["outlet"], "127.0.0.1",
        "the host names an outlet the page does not"
    );

    // The text report, and a second run from the archive (fresh for 10 minutes).
    let text = storydiff(&archive, &["diff", &ua, &ub]);
    assert_eq!(text.status.code(), Some(1));
    assert!(
        stdout(&text).contains("{+14+} countries"),
        "{}",
        stdout(&text)
    );
    assert_eq!(server.hits("/a"), 1, "a fresh stored copy is used");
    let refreshed = storydiff(&archive, &["--refresh", "diff", &ua, &ub]);
    assert_eq!(refreshed.status.code(), Some(1));
    assert_eq!(server.hits("/a"), 2, "--refresh fetches again");
}

#[test]
fn a_changed_page_is_two_versions_and_history_counts_the_words() {
    let dir = temp_dir("history");
    let archive = dir.join("archive.sqlite");
    let phase = Arc::new(AtomicUsize::new(0));
    let server = Server::start(vec![("/story", changing(&phase))]);
    let url = server.url("/story");

    assert_eq!(
        storydiff(&archive, &["inspect", &url]).status.code(),
        Some(0)
    );
    // Unchanged re-fetches add no version.
    assert_eq!(
        storydiff(&archive, &["--refresh", "inspect", &url])
            .status
            .code(),
        Some(0)
    );
    phase.store(1, Ordering::SeqCst);
    assert_eq!(
        storydiff(&archive, &["--refresh", "inspect", &url])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        storydiff(&archive, &["--refresh", "inspect", &url])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(server.hits("/story"), 4);

    let history = storydiff(&archive, &["history", &url, "--format", "json"]);
    assert_eq!(history.status.code(), Some(0), "{}", stderr(&history));
    let h = json(&history);
    assert_eq!(h["schema"], "storydiff.history/1");
    assert_eq!(h["url"], url.as_str());
    let versions = h["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "{h}");
    assert_eq!(versions[0]["n"], 1);
    assert!(versions[0]["words_added"].is_null());
    assert!(versions[0]["fetched_at"].as_str().unwrap().ends_with('Z'));

    // The counts are those of a diff of the two versions.
    let first = format!("{url}@1");
    let latest = format!("{url}@latest");
    let d = storydiff(&archive, &["diff", &first, &latest, "--format", "json"]);
    assert_eq!(d.status.code(), Some(1), "{}", stderr(&d));
    let d = json(&d);
    assert_eq!(versions[1]["words_added"], d["stats"]["words_inserted"]);
    assert_eq!(versions[1]["words_removed"], d["stats"]["words_deleted"]);
    assert!(versions[1]["words_added"].as_u64().unwrap() > 5);
    assert_eq!(d["old"]["path"], first.as_str());
    assert_eq!(versions[1]["words"], d["new"]["words"]);
    // Fact-bearing changes: ops whose edit classes carry facts (four → five, 12 → 14).
    let facts = [
        "number",
        "name",
        "quote",
        "attribution",
        "negation",
        "hedge",
    ];
    let fact_ops = d["ops"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|op| {
            op["classes"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| facts.contains(&c.as_str().unwrap())))
        })
        .count();
    assert!(fact_ops >= 2, "{}", d["ops"]);
    assert_eq!(versions[1]["fact_changes"], fact_ops);
    assert!(versions[0]["fact_changes"].is_null());

    // `@-1` is the one before the latest; the report shows the edit.
    let text = storydiff(
        &archive,
        &["diff", &format!("{url}@-1"), &format!("{url}@2")],
    );
    assert!(
        stdout(&text).contains("{+14+} countries"),
        "{}",
        stdout(&text)
    );
    assert_eq!(
        server.hits("/story"),
        4,
        "stored versions never touch the network"
    );

    let slash = storydiff(&archive, &["history", &format!("{url}/")]);
    assert_eq!(slash.status.code(), Some(2));
    assert!(
        stderr(&slash).contains(&format!("stored as {url}")),
        "{}",
        stderr(&slash)
    );

    let listing = storydiff(&archive, &["history", &url]);
    let listing = stdout(&listing);
    assert!(listing.contains("2 versions"), "{listing}");
    assert!(
        listing.contains(&format!("+{}", versions[1]["words_added"])),
        "{listing}"
    );
}

#[test]
fn version_references_are_checked() {
    let dir = temp_dir("refs");
    let archive = dir.join("archive.sqlite");
    let phase = Arc::new(AtomicUsize::new(0));
    let server = Server::start(vec![("/p", changing(&phase))]);
    let url = server.url("/p");
    assert_eq!(
        storydiff(&archive, &["inspect", &url]).status.code(),
        Some(0)
    );
    for (arg, want) in [
        (format!("{url}@0"), "numbered from 1"),
        (format!("{url}@3"), "holds 1 version"),
        (format!("{url}@-1"), "holds 1 version"),
        (server.url("/never@1"), "not in the archive"),
    ] {
        let o = storydiff(&archive, &["inspect", &arg]);
        assert_eq!(o.status.code(), Some(2), "{arg}");
        let e = stderr(&o);
        assert_eq!(e.lines().count(), 1, "{e}");
        assert!(e.contains(want) && e.contains("127.0.0.1"), "{arg}: {e}");
    }
    let ok = storydiff(
        &archive,
        &["inspect", &format!("{url}@latest"), "--format", "json"],
    );
    assert_eq!(ok.status.code(), Some(0));
}

/// Every bad answer is one line naming the URL, exit 2, and nothing stored.
#[test]
fn bad_network_input_is_one_line_and_stores_nothing() {
    let dir = temp_dir("bad");
    let archive = dir.join("archive.sqlite");
    let big = vec![b'a'; 20 * 1024 * 1024 + 10];
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let server = Server::start(vec![
        (
            "/slow",
            Box::new(|_: &Request| {
                let mut r = Reply::html(&page("Slow", FIRST));
                r.delay = Duration::from_secs(3);
                r
            }) as Route,
        ),
        (
            "/big",
            Box::new(move |_: &Request| Reply::new(200, "text/plain", big.clone())),
        ),
        (
            "/image",
            Box::new(move |_: &Request| Reply::new(200, "image/png", png.clone())),
        ),
        (
            "/loop",
            Box::new(|_: &Request| Reply::new(302, "text/html", "").header("Location", "/loop")),
        ),
        (
            "/cut",
            Box::new(|_: &Request| {
                let mut r = Reply::html(&page("Cut short", FIRST));
                r.cut_at = Some(200);
                r
            }),
        ),
        (
            "/binary",
            Box::new(|_: &Request| Reply::new(200, "text/plain", vec![0u8; 500])),
        ),
    ]);
    let cases = [
        ("/missing", "404 Not Found"),
        ("/slow", "timed out after 500 ms"),
        ("/big", "larger than 20 MB"),
        ("/image", "not HTML or text: image/png"),
        ("/loop", "more than 5 redirects"),
        ("/cut", "closed the connection before the end"),
        ("/binary", "binary"),
    ];
    for (path, want) in cases {
        let url = server.url(path);
        let started = Instant::now();
        // Short only where the timeout is the point: a loaded machine
        // may take longer than that to read 20 MB.
        let timeout = if path == "/slow" { "500ms" } else { "20s" };
        let o = storydiff(&archive, &["--timeout", timeout, "inspect", &url]);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{path}: {e}");
        assert_eq!(e.lines().count(), 1, "{path}: {e}");
        assert!(e.starts_with(&format!("storydiff: {url}: ")), "{path}: {e}");
        assert!(e.contains(want), "{path}: {e}");
        assert!(started.elapsed() < Duration::from_secs(20), "{path}");
        let h = storydiff(&archive, &["history", &url]);
        assert_eq!(h.status.code(), Some(2), "{path}: nothing stored");
    }
    let a = Archive::open(&archive).unwrap();
    assert!(a.pages().unwrap().iter().all(|(_, n)| *n == 0));
    assert_eq!(a.integrity_check().unwrap(), "ok");
    // A server that is not there at all.
    let gone = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let o = storydiff(
        &archive,
        &["inspect", &format!("http://127.0.0.1:{gone}/x")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("connect"), "{}", stderr(&o));
}

#[test]
fn redirects_gzip_and_a_declared_charset() {
    let dir = temp_dir("decode");
    let archive = dir.join("archive.sqlite");
    let html = page("Zürich “talks”", FIRST);
    let gz = {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(html.as_bytes()).unwrap();
        e.finish().unwrap()
    };
    // “Caf\xe9” in Windows-1252, declared only in the header.
    let cp1252 = b"<html><body><article><h1>Caf\xe9 \x93owners\x94 protest</h1>\
        <p>The owners of the caf\xe9 said the new rules were \x93unworkable\x94 and would close them within a year.</p>\
        <p>A second paragraph gives the council\x92s answer, which came late on Friday evening.</p>\
        </article></body></html>"
        .to_vec();
    let server = Server::start(vec![
        (
            "/gz",
            Box::new(move |_: &Request| {
                Reply::new(200, "text/html; charset=utf-8", gz.clone())
                    .header("Content-Encoding", "gzip")
            }) as Route,
        ),
        (
            "/old",
            Box::new(|_: &Request| Reply::new(301, "text/html", "").header("Location", "/gz")),
        ),
        (
            "/1252",
            Box::new(move |_: &Request| {
                Reply::new(200, "text/html; charset=windows-1252", cp1252.clone())
            }),
        ),
    ]);
    let o = storydiff(
        &archive,
        &["inspect", &server.url("/old"), "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&o);
    assert!(j["text"].as_str().unwrap().contains("12 countries"));
    assert_eq!(j["path"], server.url("/old").as_str());
    assert_eq!(server.hits("/gz"), 1);

    let o = storydiff(
        &archive,
        &["inspect", &server.url("/1252"), "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&o);
    let text = j["text"].as_str().unwrap();
    assert!(text.contains("Café “owners” protest"), "{text}");
    assert!(text.contains("council’s"), "{text}");
    assert_eq!(j["encoding"], "windows-1252");
    // Stored and read back the same way.
    let again = storydiff(
        &archive,
        &[
            "--offline",
            "inspect",
            &server.url("/1252"),
            "--format",
            "json",
        ],
    );
    assert_eq!(json(&again)["text"], j["text"]);
}

#[test]
fn conditional_requests_use_the_validators() {
    let dir = temp_dir("etag");
    let archive = dir.join("archive.sqlite");
    let not_modified = Arc::new(AtomicUsize::new(0));
    let nm = Arc::clone(&not_modified);
    let server = Server::start(vec![(
        "/e",
        Box::new(move |r: &Request| {
            if r.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                nm.fetch_add(1, Ordering::SeqCst);
                return Reply::new(304, "text/html", "");
            }
            Reply::html(&page("Tagged", FIRST)).header("ETag", "\"v1\"")
        }) as Route,
    )]);
    let url = server.url("/e");
    assert_eq!(
        storydiff(&archive, &["inspect", &url]).status.code(),
        Some(0)
    );
    let o = storydiff(&archive, &["--refresh", "inspect", &url]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("12 countries"));
    assert_eq!(not_modified.load(Ordering::SeqCst), 1);
    let h = json(&storydiff(&archive, &["history", &url, "--format", "json"]));
    assert_eq!(h["versions"].as_array().unwrap().len(), 1);
}

#[test]
fn offline_with_an_empty_archive_is_one_line_per_url() {
    let dir = temp_dir("offline");
    let archive = dir.join("archive.sqlite");
    let (a, b) = ("http://127.0.0.1:9/a", "http://127.0.0.1:9/b");
    let o = storydiff(&archive, &["--offline", "diff", a, b]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert!(
        lines[0].contains(a) && lines[0].contains("not in the archive"),
        "{e}"
    );
    assert!(
        lines[1].contains(b) && lines[1].contains("--offline"),
        "{e}"
    );
}

#[test]
fn a_story_of_urls_skips_a_failed_one() {
    let dir = temp_dir("story");
    let archive = dir.join("archive.sqlite");
    let server = Server::start(vec![
        (
            "/a",
            Box::new(|_: &Request| Reply::html(&page("Ministers meet", FIRST))) as Route,
        ),
        (
            "/b",
            Box::new(|_: &Request| Reply::html(&page("Ministers meet", SECOND))),
        ),
        (
            "/c",
            Box::new(|_: &Request| Reply::html(&page("Ministers meet again", &SECOND[1..]))),
        ),
    ]);
    let list = dir.join("urls.txt");
    std::fs::write(
        &list,
        format!(
            "# the story\n{}\n\n{}\n{}\n{}\n",
            server.url("/a"),
            server.url("/b"),
            server.url("/gone"),
            server.url("/c")
        ),
    )
    .unwrap();
    let o = storydiff(
        &archive,
        &[
            "story",
            "--urls",
            list.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        e.contains("skipped") && e.contains("/gone: 404 Not Found"),
        "{e}"
    );
    let j = json(&o);
    let paths: Vec<&str> = j["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [server.url("/a"), server.url("/b"), server.url("/c")]
    );
}

#[test]
fn a_damaged_or_foreign_archive_is_one_line() {
    let dir = temp_dir("damaged");
    let server = Server::start(vec![(
        "/a",
        Box::new(|_: &Request| Reply::html(&page("A", FIRST))) as Route,
    )]);
    let url = server.url("/a");
    let foreign = dir.join("notes.txt");
    std::fs::write(&foreign, "These are my notes, not a database. ".repeat(50)).unwrap();
    let o = storydiff(&foreign, &["inspect", &url]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        e.contains(foreign.to_str().unwrap()) && e.contains("not a storydiff archive"),
        "{e}"
    );

    // A real archive with its pages overwritten in the middle.
    let archive = dir.join("archive.sqlite");
    assert_eq!(
        storydiff(&archive, &["inspect", &url]).status.code(),
        Some(0)
    );
    drop(Archive::open(&archive).unwrap()); // checkpoint the WAL into the file
    let mut bytes = std::fs::read(&archive).unwrap();
    assert!(bytes.len() > 8192, "{}", bytes.len());
    for b in &mut bytes[100..] {
        *b = 0xA5;
    }
    std::fs::write(&archive, &bytes).unwrap();
    let _ = std::fs::remove_file(archive.with_extension("sqlite-wal"));
    for args in [
        vec!["inspect", url.as_str()],
        vec!["history", url.as_str()],
        vec!["--offline", "inspect", url.as_str()],
    ] {
        let o = storydiff(&archive, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert_eq!(e.lines().count(), 1, "{args:?}: {e}");
        assert!(e.contains(archive.to_str().unwrap()), "{args:?}: {e}");
        assert!(
            e.contains("damaged") || e.contains("not a storydiff archive"),
            "{args:?}: {e}"
        );
    }
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = temp_dir("writers");
    let archive = dir.join("archive.sqlite");
    let phase = Arc::new(AtomicUsize::new(0));
    let server = Server::start(vec![("/p", changing(&phase)), ("/q", changing(&phase))]);
    let urls = [server.url("/p"), server.url("/q")];
    let run = |url: String, archive: PathBuf| {
        std::thread::spawn(move || {
            for _ in 0..4 {
                // Two fetches of the page in each process, four processes.
                let o = storydiff(&archive, &["--refresh", "diff", &url, &url]);
                assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
            }
        })
    };
    for round in 0..2 {
        phase.store(round, Ordering::SeqCst);
        let handles: Vec<_> = (0..4)
            .map(|k| run(urls[k % 2].clone(), archive.clone()))
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    }
    let a = Archive::open(&archive).unwrap();
    for url in &urls {
        assert_eq!(
            a.versions(url).unwrap().len(),
            2,
            "{url}: each distinct version once"
        );
    }
    assert_eq!(a.integrity_check().unwrap(), "ok");
}

#[test]
fn a_killed_fetch_leaves_no_partial_version() {
    let dir = temp_dir("killed");
    let archive = dir.join("archive.sqlite");
    let server = Server::start(vec![(
        "/stall",
        Box::new(|_: &Request| {
            let mut r = Reply::html(&page("Stalled", FIRST));
            r.stall = Duration::from_secs(20);
            r
        }) as Route,
    )]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(["inspect", &server.url("/stall")])
        .env("STORYDIFF_ARCHIVE", &archive)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while server.hits("/stall") == 0 && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    child.kill().unwrap();
    child.wait().unwrap();
    let a = Archive::open(&archive).unwrap();
    assert!(a.versions(&server.url("/stall")).unwrap().is_empty());
    assert_eq!(a.integrity_check().unwrap(), "ok");
}

#[test]
fn watch_prints_each_change_and_stops_cleanly_on_interrupt() {
    let dir = temp_dir("watch");
    let archive = dir.join("archive.sqlite");
    let phase = Arc::new(AtomicUsize::new(0));
    let server = Server::start(vec![("/w", changing(&phase))]);
    let url = server.url("/w");
    let mut child = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(["watch", &url, "--every", "300ms"])
        .env("STORYDIFF_ARCHIVE", &archive)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(
        first.contains(&url) && first.contains("version 1"),
        "{first}"
    );
    phase.store(1, Ordering::SeqCst);
    let second = lines.next().unwrap().unwrap();
    assert!(
        second.contains("version 2") && second.contains("+"),
        "{second}"
    );
    // Several unchanged rounds (waited for by count, not by time: a loaded
    // machine runs the rounds late), then Ctrl-C.
    let started = std::time::Instant::now();
    while server.hits("/w") < 4 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert_eq!(exit.code(), Some(0));
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    let a = Archive::open(&archive).unwrap();
    assert_eq!(a.versions(&url).unwrap().len(), 2);
    assert!(server.hits("/w") >= 4, "{}", server.hits("/w"));
    assert_eq!(a.integrity_check().unwrap(), "ok");
}

#[test]
fn bad_arguments_are_one_line() {
    let dir = temp_dir("args");
    let archive = dir.join("archive.sqlite");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "# only a comment\n\n").unwrap();
    let empty = empty.to_str().unwrap();
    for (args, want) in [
        (vec!["story", "--urls", empty], "no URLs in the file"),
        (
            vec!["story", "--urls", "/nonexistent/list.txt"],
            "cannot read",
        ),
        (vec!["history", "notes.txt"], "not a web address"),
        (vec!["watch", "notes.txt"], "not a web address"),
        (
            vec!["--offline", "watch", "http://127.0.0.1:9/a"],
            "cannot run --offline",
        ),
        (
            vec!["history", "http://127.0.0.1:9/never"],
            "not in the archive",
        ),
    ] {
        let o = storydiff(&archive, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert_eq!(e.lines().count(), 1, "{args:?}: {e}");
        assert!(e.contains(want), "{args:?}: {e}");
    }
    assert!(!archive.exists(), "listing and refusing create no archive");
    for bad in ["0s", "soon", "5 fortnights"] {
        let o = storydiff(
            &archive,
            &["--timeout", bad, "inspect", "http://127.0.0.1:9/a"],
        );
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("--timeout"), "{bad}: {}", stderr(&o));
    }
}

/// Processes that create the archive at the same moment: each waits for the
/// other instead of calling the half-made file foreign or failing as locked.
#[test]
fn processes_creating_one_archive_at_once_all_succeed() {
    let dir = temp_dir("create-race");
    for round in 0..10 {
        let archive = dir.join(format!("archive-{round}.sqlite"));
        let children: Vec<_> = (0..6)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_storydiff"))
                    .args(["--offline", "inspect", "http://127.0.0.1:9/a"])
                    .env("STORYDIFF_ARCHIVE", &archive)
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let o = child.wait_with_output().unwrap();
            let e = stderr(&o);
            assert!(e.contains("not in the archive"), "round {round}: {e}");
        }
        assert_eq!(
            Archive::open(&archive).unwrap().integrity_check().unwrap(),
            "ok"
        );
    }
}

#[test]
fn watch_stops_when_nobody_reads_its_output() {
    let dir = temp_dir("watch-pipe");
    let archive = dir.join("archive.sqlite");
    let phase = Arc::new(AtomicUsize::new(0));
    let server = Server::start(vec![("/w", changing(&phase))]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(["watch", &server.url("/w"), "--every", "200ms"])
        .env("STORYDIFF_ARCHIVE", &archive)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.next().unwrap().unwrap().contains("version 1"));
    drop(lines); // like `| head -1`
    phase.store(1, Ordering::SeqCst);
    let started = Instant::now();
    let exit = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("watch kept running with nobody reading");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(exit.code(), Some(0));
    assert_eq!(
        Archive::open(&archive)
            .unwrap()
            .versions(&server.url("/w"))
            .unwrap()
            .len(),
        2
    );
}
