//! Sentence-level furniture: lines inside an article's body that are part of
//! the page rather than the report — an embedded tweet's signature, a run of
//! handles, links and hashtags, a "Follow us on …" or "Sign up for …" call to
//! action. Such a sentence never makes a claim or a quotation: unrelated pages
//! share them word for word.

use super::meta::is_month;

/// Whether a sentence is social or signature furniture rather than reporting:
/// mostly @handles, links and hashtags; an embedded-tweet signature
/// ("— Name (@handle) November 18, 2019"); or a call to follow, subscribe or
/// sign up.
pub(crate) fn is_furniture_sentence(text: &str) -> bool {
    is_mostly_handles(text) || is_tweet_signature(text) || is_call_to_action(text)
}

/// A handle, hashtag or link token ("@nytimes", "#Brexit", "https://…",
/// "pic.twitter.com/…"), punctuation around it ignored.
fn is_social_token(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '#');
    let tagged = |p: char| {
        t.strip_prefix(p).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    };
    tagged('@')
        || tagged('#')
        || t.contains("://")
        || t.starts_with("www.")
        || t.starts_with("pic.twitter.com")
        || t.starts_with("t.co/")
}

/// At least half of the sentence's words are handles, hashtags or links.
fn is_mostly_handles(text: &str) -> bool {
    // Every sentence of a story passes here: one without the marks a social
    // token needs has none, and its words need not be read one by one.
    // By bytes (the marks are ASCII): a search for characters decodes each,
    // and this runs on every sentence of both texts by claims.
    let b = text.as_bytes();
    let marked = memchr::memchr2(b'@', b'#', b).is_some()
        || (memchr::memchr(b'/', b).is_some()
            && (memchr::memmem::find(b, b"://").is_some()
                || memchr::memmem::find(b, b"t.co/").is_some()))
        || memchr::memmem::find(b, b"www.").is_some()
        || memchr::memmem::find(b, b"pic.twitter.com").is_some();
    if !marked {
        return false;
    }
    let tokens: Vec<&str> = text
        .split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect();
    let social = tokens.iter().filter(|t| is_social_token(t)).count();
    social > 0 && 2 * social >= tokens.len()
}

/// An embedded tweet's signature: a "(@handle)" after a dash or before a
/// date ("— Jane Doe (@jdoe) November 18, 2019").
fn is_tweet_signature(text: &str) -> bool {
    if memchr::memchr(b'@', text.as_bytes()).is_none() {
        return false;
    }
    let Some(at) = text.find("(@") else {
        return false;
    };
    let Some(close) = text[at..].find(')').map(|i| at + i) else {
        return false;
    };
    let handle = &text[at + 2..close];
    if handle.is_empty() || !handle.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    let after_dash = text[..at].contains(['—', '–']) || text[..at].contains(" - ");
    let words: Vec<String> = text[close + 1..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let dated = words.iter().any(|w| is_month(w))
        && words
            .iter()
            .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    after_dash || dated
}

/// Openings of a call to action, in lower case.
const CALLS: &[&str] = &[
    "follow us",
    "like us on",
    "join us on",
    "find us on",
    "subscribe to",
    "subscribe for",
    "subscribe now",
    "subscribe here",
    "sign up for",
    "sign up to",
    "sign up here",
    "click here",
    "download our",
    "download the",
    "get our newsletter",
];

/// Platforms a "Follow … on …" line names, in lower case.
const PLATFORMS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "tiktok",
    "youtube",
    "linkedin",
    "threads",
    "bluesky",
    "telegram",
    "whatsapp",
    "mastodon",
];

/// A call to follow, like, subscribe or sign up ("Follow us on Twitter",
/// "Follow Jane Doe on Instagram", "Sign up for our newsletter").
fn is_call_to_action(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    // The openings are at most `CALL_CHARS` ASCII letters: the sentence's
    // first characters in lower case tell, and the rest is lowered only
    // after a "follow".
    let mut ascii = [0u8; CALL_CHARS];
    let bytes = &text.as_bytes()[..text.len().min(CALL_CHARS)];
    let plain = bytes
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(bytes.len());
    let head: std::borrow::Cow<str> = if plain == bytes.len() || plain >= LONGEST_CALL {
        // Most sentences: lowered on the stack, as far as they are ASCII,
        // which is all the openings read.
        let bytes = &bytes[..plain];
        ascii[..bytes.len()].copy_from_slice(bytes);
        ascii[..bytes.len()].make_ascii_lowercase();
        std::borrow::Cow::Borrowed(std::str::from_utf8(&ascii[..bytes.len()]).unwrap_or(""))
    } else {
        std::borrow::Cow::Owned(
            text.chars()
                .take(CALL_CHARS)
                .collect::<String>()
                .to_lowercase(),
        )
    };
    if CALLS.iter().any(|c| head.starts_with(c)) {
        return true;
    }
    head.starts_with("follow ")
        && text
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| PLATFORMS.contains(&w))
}

/// Characters enough to hold the longest of `CALLS` (each character lowers
/// to one or more).
const CALL_CHARS: usize = 24;

/// Bytes of the longest of `CALLS` and `follow `.
const LONGEST_CALL: usize = 18;

#[cfg(test)]
mod tests {
    #[test]
    fn the_longest_call_is_longest_call_bytes() {
        let longest = super::CALLS.iter().map(|c| c.len()).max();
        assert_eq!(longest, Some(super::LONGEST_CALL));
    }

    use super::is_furniture_sentence as furniture;
    use super::{is_call_to_action, is_mostly_handles, is_social_token, CALLS, PLATFORMS};

    /// The two checks read whole, as they were written before their
    /// shortcuts.
    fn read_whole(text: &str) -> (bool, bool) {
        let tokens: Vec<&str> = text
            .split_whitespace()
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .collect();
        let social = tokens.iter().filter(|t| is_social_token(t)).count();
        let lower = text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let call = CALLS.iter().any(|c| lower.starts_with(c))
            || (lower.starts_with("follow ")
                && lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| PLATFORMS.contains(&w)));
        (social > 0 && 2 * social >= tokens.len(), call)
    }

    #[test]
    fn the_shortcuts_answer_as_the_whole_reading() {
        let pieces = [
            "Follow ",
            "follow ",
            "FOLLOW ",
            "us ",
            "on ",
            "Twitter",
            "TikTok ",
            "@desk ",
            "#tag ",
            "www.example.com ",
            "https://x.y/z ",
            "pic.twitter.com/a ",
            "t.co/b ",
            "Sign ",
            "up ",
            "for ",
            "SUBSCRIBE TO ",
            "“",
            "— ",
            "İstanbul ",
            "ΣΟΦΙΑ ",
            "Ünter ",
            "word ",
            "the ",
            "minister ",
            ". ",
            "a@b ",
            "# ",
            "\u{a0}",
        ];
        for text in crate::testing::random_texts(&pieces, 4000, 9, 7) {
            let fast = (is_mostly_handles(&text), is_call_to_action(&text));
            assert_eq!(fast, read_whole(&text), "{text:?}");
        }
    }

    #[test]
    fn tweet_signatures_are_furniture() {
        assert!(furniture("— Jane Doe (@janedoe) November 18, 2019"));
        assert!(furniture(
            "pic.twitter.com/AbC123 — City Police (@CityPD_) Nov 3, 2021"
        ));
        assert!(furniture("– Mayor's Office (@mayor)"));
        // A handle in brackets inside reporting, with no dash or date, is not.
        assert!(!furniture(
            "The senator (@jsmith) told reporters on the steps of the Capitol that the vote would wait."
        ));
    }

    #[test]
    fn runs_of_handles_links_and_hashtags_are_furniture() {
        assert!(furniture("@nytimes @washingtonpost #Brexit"));
        assert!(furniture("More: https://example.com/story #news"));
        assert!(!furniture(
            "Protesters used the hashtag #FreeThePress as they marched on parliament on Sunday."
        ));
        assert!(!furniture("The minister resigned on Tuesday."));
    }

    #[test]
    fn calls_to_action_are_furniture() {
        assert!(furniture("Follow us on Twitter @newsdesk."));
        assert!(furniture("Follow Jane Doe on Instagram."));
        assert!(furniture("Sign up for our daily newsletter."));
        assert!(furniture("\u{201c}Subscribe to our podcast"));
        assert!(!furniture("Follow-up talks are due in Geneva next week."));
        assert!(!furniture(
            "Followers of the cleric gathered outside the court."
        ));
        assert!(!furniture(
            "Police will follow the suspects' trail to Lyon."
        ));
    }
}
