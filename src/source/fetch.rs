//! One HTTP GET: a blocking rustls client (`ureq`) with redirects, timeouts,
//! a size cap and gzip, answering with the page's bytes and the headers that
//! matter, or a reason that reads well after "URL: ".

use std::io::Read;
use std::time::Duration;

/// How pages are fetched. Defaults suit the command line.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Time to open the connection.
    pub connect_timeout: Duration,
    /// Time for the whole request, redirects and body included.
    pub timeout: Duration,
    /// The largest body read (after decompression).
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 20 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// Validators from the last fetch, for a conditional request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A page as the server sent it.
#[derive(Clone, Debug)]
pub struct Page {
    /// Where it ended up after redirects.
    pub final_url: String,
    pub status: u16,
    /// The media type alone (`text/html`), lower case.
    pub content_type: Option<String>,
    /// The `charset` parameter of `Content-Type`, if any.
    pub charset: Option<String>,
    pub validators: Validators,
    /// The body, decompressed.
    pub body: Vec<u8>,
}

/// What a fetch brought back.
#[derive(Debug)]
pub enum Fetched {
    Page(Page),
    /// `304 Not Modified` to a conditional request.
    NotModified,
}

/// Why a page could not be fetched. Each message reads well after "URL: ".
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{0}")]
    Status(String),
    #[error("timed out after {}", describe_duration(*.0))]
    TimedOut(Duration),
    #[error("larger than {}", describe_bytes(*.0))]
    TooLarge(u64),
    #[error("not HTML or text: {0}")]
    NotText(String),
    #[error("more than {0} redirects (a redirect loop?)")]
    TooManyRedirects(u32),
    #[error("the server closed the connection before the end of the page")]
    Closed,
    #[error("host not found")]
    HostNotFound,
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("not a web address: {0}")]
    BadUrl(String),
    #[error("{0}")]
    Other(String),
}

/// The client, built once per run and shared by the fetching threads.
pub struct Client {
    agent: ureq::Agent,
    options: FetchOptions,
}

impl Client {
    pub fn new(options: FetchOptions) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .timeout_connect(Some(options.connect_timeout))
            .max_redirects(options.max_redirects)
            .http_status_as_error(false)
            .user_agent(concat!("storydiff/", env!("CARGO_PKG_VERSION")))
            .accept("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
            .build();
        Client {
            agent: config.new_agent(),
            options,
        }
    }

    /// GETs `url`, conditionally when `validators` are given.
    pub fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(lm) = &validators.last_modified {
            request = request.header("If-Modified-Since", lm);
        }
        let response = request.call().map_err(|e| self.reason(e))?;
        let status = response.status();
        if status.as_u16() == 304 {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status(
                format!(
                    "{} {}",
                    status.as_u16(),
                    status.canonical_reason().unwrap_or("")
                )
                .trim_end()
                .to_string(),
            ));
        }
        let final_url = ureq::ResponseExt::get_uri(&response).to_string();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let (content_type, charset) = parse_content_type(header("content-type").as_deref());
        if let Some(ct) = &content_type {
            if !is_text_type(ct) {
                return Err(FetchError::NotText(ct.clone()));
            }
        }
        let body = self.read_body(response.into_body())?;
        Ok(Fetched::Page(Page {
            final_url,
            status: status.as_u16(),
            content_type,
            charset,
            validators,
            body,
        }))
    }

    fn read_body(&self, body: ureq::Body) -> Result<Vec<u8>, FetchError> {
        let cap = self.options.max_bytes;
        let mut out = Vec::new();
        let mut reader = body.into_with_config().limit(u64::MAX).reader();
        // Read one byte past the cap to tell "exactly the cap" from "more".
        let read = (&mut reader)
            .take(cap + 1)
            .read_to_end(&mut out)
            .map_err(|e| self.io_reason(e));
        read?;
        if out.len() as u64 > cap {
            return Err(FetchError::TooLarge(cap));
        }
        Ok(out)
    }

    fn reason(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::TimedOut(self.options.timeout),
            ureq::Error::TooManyRedirects => {
                FetchError::TooManyRedirects(self.options.max_redirects)
            }
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(self.options.max_bytes),
            ureq::Error::HostNotFound => FetchError::HostNotFound,
            ureq::Error::BadUri(u) => FetchError::BadUrl(u),
            ureq::Error::Io(io) => self.io_reason(io),
            ureq::Error::ConnectionFailed => FetchError::Connect("connection failed".into()),
            ureq::Error::Protocol(p) => {
                let s = p.to_string();
                if s.contains("closed") || s.contains("EOF") || s.contains("eof") {
                    FetchError::Closed
                } else {
                    FetchError::Other(format!("bad HTTP from the server: {s}"))
                }
            }
            ureq::Error::Decompress(_, io) => {
                FetchError::Other(format!("bad compressed data: {io}"))
            }
            other => FetchError::Other(other.to_string()),
        }
    }

    fn io_reason(&self, e: std::io::Error) -> FetchError {
        use std::io::ErrorKind as K;
        // ureq wraps its own errors (timeouts, limits) in io errors while reading bodies.
        if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
            return match inner {
                ureq::Error::Timeout(_) => FetchError::TimedOut(self.options.timeout),
                ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(self.options.max_bytes),
                ureq::Error::Io(io) if io.kind() == K::UnexpectedEof => FetchError::Closed,
                ureq::Error::Protocol(_) => FetchError::Closed,
                other => FetchError::Other(other.to_string()),
            };
        }
        match e.kind() {
            K::TimedOut | K::WouldBlock => FetchError::TimedOut(self.options.timeout),
            K::UnexpectedEof | K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe => {
                FetchError::Closed
            }
            K::ConnectionRefused => FetchError::Connect("connection refused".into()),
            _ => FetchError::Other(e.to_string()),
        }
    }
}

/// `text/html; charset=ISO-8859-1` → (`text/html`, `ISO-8859-1`).
pub fn parse_content_type(value: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(value) = value else {
        return (None, None);
    };
    let mut parts = value.split(';');
    let media = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    });
    (media, charset)
}

/// Media types the loader can read: text of any kind, XHTML, JSON.
fn is_text_type(media: &str) -> bool {
    media.starts_with("text/")
        || media == "application/xhtml+xml"
        || media == "application/xml"
        || media == "application/json"
        || media == "application/ld+json"
        || media.ends_with("+xml")
}

/// `30 s`, `1.5 s`, `500 ms`, `10 min`.
pub fn describe_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms % 60_000 == 0 && ms >= 60_000 {
        format!("{} min", ms / 60_000)
    } else if ms % 1000 == 0 {
        format!("{} s", ms / 1000)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// `20 MB`, `512 KB`, `100 bytes`.
pub fn describe_bytes(n: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if n >= MB && n % MB == 0 {
        format!("{} MB", n / MB)
    } else if n >= 1024 && n % 1024 == 0 {
        format!("{} KB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_splits_media_and_charset() {
        assert_eq!(
            parse_content_type(Some("Text/HTML; Charset=\"windows-1252\"")),
            (Some("text/html".into()), Some("windows-1252".into()))
        );
        assert_eq!(
            parse_content_type(Some("image/png")),
            (Some("image/png".into()), None)
        );
        assert_eq!(parse_content_type(None), (None, None));
    }

    #[test]
    fn limits_read_as_people_write_them() {
        assert_eq!(describe_duration(Duration::from_secs(30)), "30 s");
        assert_eq!(describe_duration(Duration::from_millis(300)), "300 ms");
        assert_eq!(describe_duration(Duration::from_secs(600)), "10 min");
        assert_eq!(describe_bytes(20 * 1024 * 1024), "20 MB");
        assert_eq!(describe_bytes(4096), "4 KB");
    }

    #[test]
    fn text_types_are_accepted_and_images_refused() {
        assert!(is_text_type("text/html"));
        assert!(is_text_type("application/xhtml+xml"));
        assert!(!is_text_type("image/png"));
        assert!(!is_text_type("application/pdf"));
    }
}
