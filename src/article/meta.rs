//! Metadata helpers: dates in the many shapes news sites print them, bylines,
//! names, and a title from a descriptive file name.

use std::path::Path;

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The months' full names, in order.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days of the week.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether a word is the full name of a day or a month (any case).
pub(crate) fn is_calendar_name(word: &str) -> bool {
    WEEKDAYS
        .iter()
        .chain(&MONTH_NAMES)
        .any(|n| n.eq_ignore_ascii_case(word))
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if let Some(i) = MONTH_NAMES.iter().position(|m| m.eq_ignore_ascii_case(&w)) {
        return Some(i as u32 + 1);
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1)
}

/// Whether a lower-case word is a month name or its abbreviation.
pub(crate) fn is_month(word: &str) -> bool {
    month_of(word).is_some()
}

fn days_in(month: u32, year: i32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn iso(year: i32, month: u32, day: u32, time: Option<(u32, u32)>) -> Option<String> {
    if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > days_in(month, year) {
        return None;
    }
    Some(match time {
        Some((h, m)) if h < 24 && m < 60 => format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}"),
        _ => format!("{year:04}-{month:02}-{day:02}"),
    })
}

/// Parses a date as news pages print it (`2025-02-13T19:13:00Z`, `Feb, 13 2025 19:13`,
/// `13 February 2025`, `February 13, 2025 7:13 PM`, `13/02/2025`) into ISO 8601.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = parse_iso(s).or_else(|| parse_iso_basic(s)) {
        return Some(d);
    }
    let mut month = None;
    let mut day = None;
    let mut year = None;
    let mut time: Option<(u32, u32)> = None;
    let mut numeric: Option<(u32, u32, i32)> = None;
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, raw) in words.iter().enumerate() {
        let w = raw.trim_end_matches('.');
        if let Some(m) = month_of(w) {
            month.get_or_insert(m);
            continue;
        }
        let lower = w.to_ascii_lowercase();
        let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if digits.contains(':') {
            if let Some(t) = clock_time(&lower, digits, words.get(i + 1).copied()) {
                time.get_or_insert(t);
            }
            continue;
        }
        if w.contains(['/', '.', '-']) {
            if let Some(n) = numeric_date(w) {
                numeric = Some(n);
                continue;
            }
        }
        if let Ok(n) = digits.parse::<u32>() {
            if digits.len() == 4 && (1900..=2100).contains(&n) {
                year.get_or_insert(n as i32);
            } else if (1..=31).contains(&n) && digits.len() <= 2 {
                day.get_or_insert(n);
            }
        }
    }
    if let (Some(m), Some(d), Some(y)) = (month, day, year) {
        return iso(y, m, d, time);
    }
    if let Some((m, d, y)) = numeric {
        return iso(y, m, d, time);
    }
    None
}

/// A time of day (`6:14`, `11:25pm`, `6:01 a.m.`) as 24-hour hours and
/// minutes; `next` is the word after it (`PM`).
fn clock_time(lower: &str, digits: &str, next: Option<&str>) -> Option<(u32, u32)> {
    let (h, m) = digits.split_once(':')?;
    let (h, m) = (
        h.parse::<u32>().ok()?,
        m.get(..2).unwrap_or(m).parse::<u32>().ok()?,
    );
    let next_is = |a: &str, b: &str| {
        next.is_some_and(|n| n.eq_ignore_ascii_case(a) || n.eq_ignore_ascii_case(b))
    };
    let pm = lower.ends_with("pm") || next_is("pm", "p.m.");
    let am = lower.ends_with("am") || next_is("am", "a.m.");
    Some(match (pm, am, h) {
        (true, _, h) if h < 12 => (h + 12, m),
        (_, true, 12) => (0, m),
        (_, _, h) => (h, m),
    })
}

/// A date in digits, as (month, day, year): `2019-04-28`, `28/04/2019`,
/// `04/28/2019` (day first unless that cannot be: a US month/day date).
fn numeric_date(w: &str) -> Option<(u32, u32, i32)> {
    let parts: Vec<&str> = w.split(['/', '.', '-']).collect();
    let all_digits = parts
        .iter()
        .all(|p| p.bytes().all(|c| c.is_ascii_digit()) && !p.is_empty());
    if parts.len() != 3 || !all_digits {
        return None;
    }
    let (a, b, c) = (parts[0], parts[1], parts[2]);
    if a.len() == 4 {
        Some((b.parse().ok()?, c.parse().ok()?, a.parse().ok()?))
    } else if c.len() == 4 {
        let (x, y2, y) = (
            a.parse::<u32>().ok()?,
            b.parse::<u32>().ok()?,
            c.parse::<i32>().ok()?,
        );
        Some(if y2 > 12 { (x, y2, y) } else { (y2, x, y) })
    } else {
        None
    }
}

/// ISO 8601's basic format: `20180619T055000+0900`.
fn parse_iso_basic(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 8
        || !b[..8].iter().all(u8::is_ascii_digit)
        || b.get(8).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let time =
        if b.get(8) == Some(&b'T') && b.len() >= 13 && b[9..13].iter().all(u8::is_ascii_digit) {
            n(9..11).zip(n(11..13))
        } else {
            None
        };
    iso(n(0..4)? as i32, n(4..6)?, n(6..8)?, time)
}

fn parse_iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        let w = &b[i..i + 10];
        let shape = w[4] == b'-'
            && w[7] == b'-'
            && w.iter()
                .enumerate()
                .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit());
        if !shape || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let y: i32 = s[i..i + 4].parse().ok()?;
        let m: u32 = s[i + 5..i + 7].parse().ok()?;
        let d: u32 = s[i + 8..i + 10].parse().ok()?;
        let rest = &b[i + 10..];
        let time = if rest.len() >= 6 && matches!(rest[0], b'T' | b' ') && rest[3] == b':' {
            let h = std::str::from_utf8(&rest[1..3]).ok()?.parse().ok();
            let mi = std::str::from_utf8(&rest[4..6]).ok()?.parse().ok();
            h.zip(mi)
        } else {
            None
        };
        return iso(y, m, d, time);
    }
    None
}

/// Whether a short line looks like a person's name (or names) under a headline.
pub(crate) fn looks_like_names(s: &str) -> bool {
    let s = s.trim();
    if s.len() > 60 || s.is_empty() || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if super::plain::ends_sentence(s) {
        return false;
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if !(2..=7).contains(&words.len()) {
        return false;
    }
    let connectors = [
        "and", "&", "de", "van", "von", "der", "da", "di", "bin", "al", "la", "le",
    ];
    // Capitalised function words open sentences and headlines, not names.
    let function = [
        "The", "A", "An", "On", "In", "At", "For", "To", "Of", "By", "With", "From", "And", "But",
        "Or", "As", "Is", "It", "This", "That", "More", "New", "How", "Why", "What", "When", "Top",
        "Most", "Read", "Share", "Follow", "Related", "Latest", "Breaking", "Live", "Watch",
        "Video", "News",
    ];
    let mut capitalised = 0;
    for w in &words {
        if connectors.contains(w) {
            continue;
        }
        if function.contains(w) {
            return false;
        }
        // A full stop ends only an initial ("J.") inside a name.
        if w.ends_with('.') && w.chars().count() > 2 {
            return false;
        }
        let mut cs = w.chars();
        let first = cs.next().unwrap_or(' ');
        if !first.is_uppercase()
            || !w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        {
            return false;
        }
        capitalised += 1;
    }
    capitalised >= 2
}

const JOB_WORDS: &[&str] = &[
    "correspondent",
    "editor",
    "reporter",
    "writer",
    "columnist",
    "journalist",
    "contributor",
    "analyst",
    "producer",
    "presenter",
    "critic",
    "staff",
    "bureau",
    "chief",
];

/// Whether a short line is a reporter's job title ("Security correspondent").
pub(crate) fn looks_like_job_title(s: &str) -> bool {
    let s = s.trim();
    let words = super::unicode_word_count(s, 9);
    if words == 0 || words > 8 || super::plain::ends_sentence(s) {
        return false;
    }
    let lower = s.to_lowercase();
    lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| JOB_WORDS.contains(&w))
}

/// Whether a line reads as a note on the article's author: who the author
/// is (`Lucas Nolan is a reporter for …`, `LAURIE OAKES IS THE NINE NETWORK
/// POLITICAL EDITOR`) or where to write or follow them (an e-mail address,
/// `Follow him on Twitter`).
pub(crate) fn reads_as_author_note(s: &str) -> bool {
    let lower = s.to_lowercase();
    let address = lower
        .split_whitespace()
        .any(|w| w.len() > 3 && w.contains('@') && w.contains('.'));
    let follow = ["follow him", "follow her", "follow them", "follow me"]
        .iter()
        .any(|f| lower.contains(f));
    let who = [" is a ", " is an ", " is the "].iter().any(|k| {
        lower.find(k).is_some_and(|at| {
            lower[at + k.len()..]
                .split(|c: char| !c.is_alphabetic())
                .take(8)
                .any(|w| JOB_WORDS.contains(&w))
        })
    });
    address || follow || who
}

/// Labels that open a byline line, lower-case, in the languages news is most
/// often read in (`By`, `Written by` and the like are matched apart: they
/// also open sentences).
pub(crate) const BYLINE_LABELS: &[&str] = &[
    "author:",
    "authors:",
    "by:",
    "autor:",
    "autora:",
    "autores:",
    "autori:",
    "autore:",
    "auteur:",
    "auteurs:",
    "autorzy:",
    "verfasser:",
    "автор:",
    "авторы:",
    "автори:",
    "yazar:",
    "penulis:",
    "作者：",
    "作者:",
    "记者：",
    "記者：",
    "기자:",
];

/// The name part of a byline line: "By Frank Gardner" → "Frank Gardner".
pub(crate) fn strip_byline_label(s: &str) -> &str {
    let t = s.trim();
    let lower = t.to_lowercase();
    if lower.len() == t.len() {
        for label in BYLINE_LABELS
            .iter()
            .chain(&["written by", "words by", "reporting by", "by "])
        {
            if lower.starts_with(label) {
                return t[label.len()..].trim();
            }
        }
    }
    t
}

/// A byline as a name: labels (`By`, `Par`, `Written by`), a date or time
/// glued after it (`By Carrie ArnoldNovember 15, 2019`) and trailing
/// separators removed; `None` when what is left does not read as a name or a
/// list of names (a bare `By`, a comment form's `Name (required)`, share
/// buttons, a file name or address, a dateline in capitals, a sentence).
pub(crate) fn clean_byline(raw: &str) -> Option<String> {
    // Addresses beside a name (`Bradley M. Kuhn (http://ebb.org/bkuhn/)`) go.
    let one_line = raw
        .split_whitespace()
        .filter(|w| !w.trim_start_matches('(').starts_with("http") && !w.starts_with('@'))
        .collect::<Vec<_>>()
        .join(" ");
    let mut s = strip_byline_label(&one_line);
    for label in [
        "par ",
        "por ",
        "von ",
        "di ",
        "door ",
        "av ",
        "af ",
        "submitted by ",
        "posted by ",
    ] {
        if s.len() > label.len()
            && s.get(..label.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(label))
        {
            s = s[label.len()..].trim_start();
        }
    }
    let before_date = cut_at_date(s);
    let dated = before_date.len() < s.len();
    let s = before_date
        .trim_end_matches(|c: char| c.is_whitespace() || ",|-–—·•/:;(".contains(c))
        .trim_start_matches(|c: char| c.is_whitespace() || ",|-–—·•/:;".contains(c));
    let s = without_date_words(s, dated);
    let s = s
        .strip_suffix(" on")
        .or_else(|| s.strip_suffix(" at"))
        .unwrap_or(s)
        .trim();
    plausible_byline(s).then(|| s.to_string())
}

/// A byline without the date's words at its end. After a date's digits were
/// cut (`dated`): day and month names (`Tuesday, Aug.`, `Apr`) and the words
/// that lead into a date (`posted`, `published`, `updated`, `on`) go, as many
/// as there are (`David Gura | Apr`, `Richard Lawler posted Aug`). Otherwise
/// only a day or month name after `on` or `at` goes with it (`Ann Lee on
/// Monday`): a month alone may be a name (`Theresa May`).
fn without_date_words(s: &str, dated: bool) -> &str {
    let mut rest = s;
    loop {
        let t = rest.trim_end_matches(|c: char| c.is_whitespace() || ",|-–—·•/:;(.".contains(c));
        let Some((head, last)) = t.rsplit_once(|c: char| c.is_whitespace() || c == '|') else {
            return if dated { t } else { s };
        };
        let lower = last.to_lowercase();
        let calendar = is_calendar_name(&lower)
            || ((lower.len() == 3 || lower.len() == 4 && lower.ends_with('t'))
                && WEEKDAYS
                    .iter()
                    .chain(&MONTH_NAMES)
                    .any(|n| n.to_lowercase().starts_with(&lower)));
        let lead = matches!(
            lower.as_str(),
            "posted" | "published" | "updated" | "on" | "at" | "le" | "el" | "am"
        );
        if dated && (calendar || lead) {
            rest = head;
            continue;
        }
        if dated {
            return t;
        }
        let before = head.trim_end();
        return if calendar && (before.ends_with(" on") || before.ends_with(" at")) {
            before[..before.len() - 3].trim_end()
        } else {
            s
        };
    }
}

/// Everything before the first digit or a month name that starts a date.
fn cut_at_date(s: &str) -> &str {
    let mut cut = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
    for month in MONTH_NAMES {
        let mut from = 0;
        while let Some(at) = s[from..].find(month) {
            let at = from + at;
            let after = s[at + month.len()..].trim_start();
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                cut = cut.min(at);
            }
            from = at + month.len();
        }
    }
    &s[..cut]
}

/// Words of share buttons, comment forms, widgets and date labels that
/// byline markup holds where it names no one.
const NOT_NAMES: &[&str] = &[
    "by",
    "facebook",
    "twitter",
    "whatsapp",
    "pinterest",
    "pint",
    "linkedin",
    "email",
    "e-mail",
    "share",
    "print",
    "baixar",
    "download",
    "comments",
    "comment",
    "reply",
    "submitted",
    "posted",
    "required",
    "wajib",
    "name",
    "имя",
    "nombre",
    "nome",
    "admin",
    "administrator",
    "anonymous",
    "unknown",
    // Navigation and widget headings under byline-like markup.
    "author",
    "authors",
    "activity",
    "profile",
    "contact",
    "more",
    // Buttons and date labels in byline markup (`Follow Author`, the
    // `Last` a `Last Updated: January 7, 2025` leaves once its date goes).
    "follow",
    "subscribe",
    "last",
    "updated",
    "modified",
    "published",
];

/// Whether a cleaned byline reads as names, by the rules that reject it:
/// too long for names, an address or a file, only widget words (or a form's
/// `required` label), a dateline, a sentence, or not opening with a capital.
fn plausible_byline(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let sentence = super::plain::ends_sentence(s) && words.len() > 6;
    let rejected = words.is_empty()
        || too_long_for_names(s, &words)
        || address_or_file(s)
        || widget_words(&words)
        || dateline(s)
        || sentence;
    !rejected
        && s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
}

fn too_long_for_names(s: &str, words: &[&str]) -> bool {
    words.len() > 14 || s.chars().count() > 120
}

/// A web address, a file (`humans.txt`) or a form's `*` mark.
fn address_or_file(s: &str) -> bool {
    let lower = s.to_lowercase();
    lower.contains("http") || lower.contains("www.") || lower.contains(".txt") || s.contains('*')
}

/// Only words of buttons and widgets (`Whatsapp Facebook Pint Baixar`,
/// `Follow Author`), or a comment form's label (`Nama (wajib)`, `Имя`).
fn widget_words(words: &[&str]) -> bool {
    let plain = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    words.iter().all(|w| NOT_NAMES.contains(&plain(w).as_str()))
        || words
            .iter()
            .any(|w| matches!(plain(w).as_str(), "wajib" | "required" | "имя"))
}

/// A dateline: a place in capitals with a comma (`BAAR, SWITZERLAND`).
fn dateline(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
    s.contains(',') && letters.len() > 6 && capitals == letters.len()
}

/// A page title without the site's name: `Headline | The Outlet` or `The
/// Outlet | Headline` (the outlet known, or named in the page's address
/// `host`), a breadcrumb trail `Headline » Local » News » Site`, an address
/// `Headline -- Sott.net`, a Chinese site name glued on `标题-新华网`. A
/// Markdown heading's `#` marks go too.
pub(crate) fn strip_site_name<'a>(
    title: &'a str,
    outlet: Option<&str>,
    host: Option<&str>,
) -> &'a str {
    let title = without_markdown_hashes(title.trim());
    let named = outlet
        .and_then(|o| without_outlet(title, o))
        .or_else(|| host.and_then(|h| without_host_name(title, h)));
    named.unwrap_or_else(|| strip_site_trail(title))
}

/// A title without what is never a headline's words whatever the site is
/// called: a breadcrumb trail (`» Local » Noticias » Ultima Hora Mallorca`),
/// a web address (`-- Sott.net`) or a short Chinese or Japanese site name
/// glued on with a hyphen (`-新华网`). A publisher's declared headline
/// (JSON-LD, `og:title`) loses only these: a site name it writes out is kept
/// as written.
pub(crate) fn strip_site_trail(title: &str) -> &str {
    let title = title.trim();
    without_breadcrumb_or_address(title)
        .or_else(|| without_glued_cjk_name(title))
        .unwrap_or(title)
}

/// The separators between a headline and a site's or section's name.
pub(crate) const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " > ", " -- ", " · ",
];

/// `# Head` (Markdown) without its marks; not `#MeToo`.
fn without_markdown_hashes(title: &str) -> &str {
    let hashes = title.len() - title.trim_start_matches('#').len();
    if hashes > 0 && title[hashes..].starts_with(char::is_whitespace) {
        title[hashes..].trim()
    } else {
        title
    }
}

/// `Headline | The Ledger` or `The Ledger | Headline`, the outlet known.
fn without_outlet<'a>(title: &'a str, outlet: &str) -> Option<&'a str> {
    if outlet.trim().is_empty() {
        return None;
    }
    for sep in SEPARATORS.iter().chain(&["-", "_", "｜"]) {
        if let Some(head) = title.strip_suffix(&format!("{sep}{outlet}")) {
            return Some(head.trim());
        }
    }
    SEPARATORS.iter().find_map(|sep| {
        let rest = title.strip_prefix(&format!("{outlet}{sep}"))?;
        substantial(rest).then(|| rest.trim())
    })
}

/// A suffix by its distinctive words named in the page's address; a prefix
/// only when it is the address's name whole (`Dropbox's ATF - an async task
/// framework` keeps its head).
fn without_host_name<'a>(title: &'a str, host: &str) -> Option<&'a str> {
    let site = |part: &str| part.split_whitespace().count() <= 5 && names_host(part, host);
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if site(tail) && substantial(head) {
                return Some(head.trim());
            }
        }
        if let Some((head, rest)) = title.split_once(sep) {
            if is_host_name(head, host) && substantial(rest) {
                return Some(rest.trim());
            }
        }
    }
    None
}

/// Every part after the headline short (section names and the site's), or
/// one part that is a web address. A spaced colon separates a trail too
/// (`헤드라인 : 뉴스 : 동아닷컴`), two or more parts after the headline: one
/// may be a headline's own (`Macron : « … »`).
fn without_breadcrumb_or_address(title: &str) -> Option<&str> {
    SEPARATORS.iter().chain(&[" : "]).find_map(|sep| {
        let parts: Vec<&str> = title.split(sep).collect();
        if *sep == " : " && parts.len() < 3 {
            return None;
        }
        let head = parts[0].trim();
        let tail = parts.last().map_or("", |t| t.trim());
        let breadcrumb = parts.len() >= 3
            && parts[1..].iter().all(|p| {
                p.split_whitespace().count() <= 3
                    && p.chars().filter(|&c| super::is_cjk(c)).count() <= 8
            });
        let address = parts.len() == 2
            && !tail.contains(' ')
            && tail.contains('.')
            && tail
                .rsplit('.')
                .next()
                .is_some_and(|tld| (2..=4).contains(&tld.len()));
        ((breadcrumb || address) && substantial(head)).then_some(head)
    })
}

/// A short Chinese or Japanese site name glued on with a hyphen: `标题-新华网`.
fn without_glued_cjk_name(title: &str) -> Option<&str> {
    let (head, tail) = title.rsplit_once('-')?;
    let tail_cjk = tail
        .chars()
        .all(|c| super::is_cjk(c) || c.is_ascii_alphanumeric());
    let glued = tail_cjk
        && tail.chars().any(super::is_cjk)
        && tail.chars().count() <= 8
        && substantial(head);
    glued.then(|| head.trim())
}

/// A headline long enough to stand without the site's name beside it.
pub(crate) fn substantial(head: &str) -> bool {
    let cjk = head.chars().filter(|&c| super::is_cjk(c)).count();
    head.split_whitespace().count() >= 3 || cjk >= 8
}

/// Whether `name` is the site's name by the page's address: `The Beachbody
/// Blog` on `www.beachbodyondemand.com` (a word of it), `CNN Politics` on
/// `www.cnn.com` (a word that is a part of the address), `eHow` on
/// `www.ehow.com` (the whole); a word every site's name may hold (`News`,
/// `Blog`) is not enough.
pub(crate) fn names_host(name: &str, host: &str) -> bool {
    const GENERIC: &[&str] = &[
        "the", "blog", "news", "online", "home", "site", "daily", "official", "magazine", "media",
        "times", "post", "world", "today",
    ];
    let labels: Vec<&str> = host.split('.').collect();
    is_host_name(name, host)
        || name
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| !GENERIC.contains(&w.as_str()))
            .any(|w| {
                let long = w.chars().count() >= 4 && squeeze(host).contains(&w);
                long || labels.iter().any(|l| l.eq_ignore_ascii_case(&w))
            })
}

/// Whether `name`, its spaces and signs left out, is in the address:
/// `eHow` on `www.ehow.com`, `Sott.net` on `www.sott.net`.
fn is_host_name(name: &str, host: &str) -> bool {
    let whole = squeeze(name);
    whole.chars().count() >= 3 && squeeze(host.trim_start_matches("www.")).contains(&whole)
}

/// Letters and digits, lower-cased.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title from a descriptive file name (`hegseth-says-everything-on-table.txt`);
/// none for names that are ids or hashes.
pub(crate) fn title_from_file_name(path: &str) -> Option<String> {
    if path == "-" {
        return None;
    }
    let stem = Path::new(path).file_stem()?.to_string_lossy().into_owned();
    let tokens: Vec<&str> = stem
        .split(['-', '_', ' ', '.', '+'])
        .filter(|t| !t.is_empty())
        .collect();
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.len() >= 2 && t.chars().all(char::is_alphabetic))
        .collect();
    if words.len() < 3 || words.len() * 10 < tokens.len() * 7 {
        return None;
    }
    let mut title = words.join(" ");
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("Published: Feb, 13 2025 19:13").as_deref(),
            Some("2025-02-13T19:13")
        );
        assert_eq!(
            parse_date("13 February 2025").as_deref(),
            Some("2025-02-13")
        );
        assert_eq!(
            parse_date("February 13, 2025 7:13 PM").as_deref(),
            Some("2025-02-13T19:13")
        );
        assert_eq!(
            parse_date("2025-02-13T19:13:00Z").as_deref(),
            Some("2025-02-13T19:13")
        );
        assert_eq!(parse_date("2025-02-13").as_deref(), Some("2025-02-13"));
        assert_eq!(parse_date("13/02/2025").as_deref(), Some("2025-02-13"));
        assert_eq!(
            parse_date("Updated Thu 13 Feb 2025 14.05 GMT").as_deref(),
            Some("2025-02-13")
        );
        assert_eq!(parse_date("February 30, 2025"), None);
        assert_eq!(
            parse_date("20180619T055000+0900").as_deref(),
            Some("2018-06-19T05:50")
        );
        assert_eq!(parse_date("20250213").as_deref(), Some("2025-02-13"));
        assert_eq!(parse_date("1529283660000"), None);
        assert_eq!(parse_date("no date here"), None);
    }

    #[test]
    fn names_and_job_titles() {
        assert!(looks_like_names("Frank Gardner"));
        assert!(looks_like_names("Alex Lederman and Nomia Iqbal"));
        assert!(!looks_like_names("Security correspondent"));
        assert!(!looks_like_names("He said it was over."));
        assert!(looks_like_job_title("Security correspondent"));
        assert!(!looks_like_job_title("Frank Gardner"));
        assert_eq!(
            strip_byline_label("Author: Dan Sabbagh in Brussels"),
            "Dan Sabbagh in Brussels"
        );
        assert_eq!(strip_byline_label("By Frank Gardner"), "Frank Gardner");
    }

    #[test]
    fn site_names_leave_titles() {
        let strip = |t| strip_site_name(t, None, None);
        assert_eq!(
            strip("Anticorrupción decidirá en Madrid si recurre la imputación de la Infanta » Local » Noticias » Ultima Hora Mallorca"),
            "Anticorrupción decidirá en Madrid si recurre la imputación de la Infanta"
        );
        assert_eq!(
            strip("Fireball seen over three states -- Sott.net"),
            "Fireball seen over three states"
        );
        assert_eq!(
            strip("短缺药品保供稳价 全力保障临床用药需求-新华网"),
            "短缺药品保供稳价 全力保障临床用药需求"
        );
        assert_eq!(
            strip("美国国防部长表示一切选项都在谈判桌上 - BBC中文网 - 两岸三地"),
            "美国国防部长表示一切选项都在谈判桌上"
        );
        assert_eq!(strip("# A Markdown headline"), "A Markdown headline");
        assert_eq!(strip("#MeToo turns five"), "#MeToo turns five");
        assert_eq!(
            strip_site_name(
                "Ministers agree deal | The Ledger",
                Some("The Ledger"),
                None
            ),
            "Ministers agree deal"
        );
        assert_eq!(
            strip_site_name(
                "TechCrunch | 2005 Zuckerberg Didn’t Want To Take Over The World",
                Some("TechCrunch"),
                None
            ),
            "2005 Zuckerberg Didn’t Want To Take Over The World"
        );
        // No `og:site_name`: the page's address names the site.
        let host = Some("www.beachbodyondemand.com");
        assert_eq!(
            strip_site_name(
                "Meal Prep for A Little More Obsessed | The Beachbody Blog",
                None,
                host
            ),
            "Meal Prep for A Little More Obsessed"
        );
        assert_eq!(
            strip_site_name("Ministers agree deal | World News", None, host),
            "Ministers agree deal | World News"
        );
        assert_eq!(
            strip_site_name(
                "How we designed Dropbox’s ATF - an async task framework",
                None,
                Some("dropbox.tech")
            ),
            "How we designed Dropbox’s ATF - an async task framework"
        );
        // A trail after spaced colons goes; one colon is the headline's own.
        assert_eq!(
            strip("[CEO&]창의적 열정과 소통, 초일류 시험인증 기업이 간다 : 뉴스 : 동아닷컴"),
            "[CEO&]창의적 열정과 소통, 초일류 시험인증 기업이 간다"
        );
        assert_eq!(
            strip("Réforme des retraites : le gouvernement recule"),
            "Réforme des retraites : le gouvernement recule"
        );
        // A title with one ordinary dash keeps it.
        assert_eq!(
            strip("Brexit - what happens next?"),
            "Brexit - what happens next?"
        );
    }

    #[test]
    fn bylines_are_cleaned_or_rejected() {
        let clean = |s| clean_byline(s);
        assert_eq!(
            clean("By Carrie ArnoldNovember 15, 2019").as_deref(),
            Some("Carrie Arnold")
        );
        assert_eq!(
            clean("by Lucas Nolan22 Dec 2016651").as_deref(),
            Some("Lucas Nolan")
        );
        assert_eq!(
            clean("By Nathan Willis\n   March 25, 2015").as_deref(),
            Some("Nathan Willis")
        );
        assert_eq!(
            clean("Par Sébastien Farcis").as_deref(),
            Some("Sébastien Farcis")
        );
        assert_eq!(
            clean("Richard (R.J.) Eskow").as_deref(),
            Some("Richard (R.J.) Eskow")
        );
        assert_eq!(clean("AFP").as_deref(), Some("AFP"));
        assert_eq!(
            clean("Submitted by Ann Lee on Mon, 2019-01-21 13:49").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(clean("Sun Yang").as_deref(), Some("Sun Yang"));
        assert_eq!(
            clean("Bradley M. Kuhn (http://ebb.org/bkuhn/)").as_deref(),
            Some("Bradley M. Kuhn")
        );
        // A date's words left once its digits are cut go with them.
        for (raw, name) in [
            ("David Gura | Apr 19, 2013", "David Gura"),
            ("Bryan Walsh Tuesday, Aug. 17, 2010", "Bryan Walsh"),
            (
                "By Richard Lawler posted Aug 18th 2010 9:15AM",
                "Richard Lawler",
            ),
            ("By Lisa Sept. 3, 2021", "Lisa"),
        ] {
            assert_eq!(clean(raw).as_deref(), Some(name), "{raw}");
        }
        // A name that is a month stays when no date was cut.
        assert_eq!(clean("Theresa May").as_deref(), Some("Theresa May"));
        for junk in [
            "By",
            "Nama (wajib)",
            "Имя *",
            "humans.txt",
            "Whatsapp Facebook Pint Baixar",
            "Submitted on Mon, 2019-01-21 13:49",
            "Posted on Tuesday, March 3",
            "BAAR, SWITZERLAND",
            "Authors",
            "Facebook Activity",
            "https://www.facebook.com/someone",
            "www.facebook.com",
            // A button and a date label in byline markup.
            "Follow Author",
            "Last Updated: January 7, 2025",
            "",
        ] {
            assert_eq!(clean(junk), None, "{junk}");
        }
    }

    #[test]
    fn file_name_titles() {
        assert_eq!(
            title_from_file_name("news/hegseth-says-everything-on-the-table.txt").as_deref(),
            Some("Hegseth says everything on the table")
        );
        assert_eq!(title_from_file_name("000_d2c9a56fda6f2fe5.txt"), None);
    }
}
