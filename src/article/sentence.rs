//! A purpose-built sentence splitter for news prose.
//!
//! It scans bytes for terminators instead of running a general Unicode
//! segmenter (which is ~10× slower), and knows the cases news text needs:
//! quotes that close after the full stop (`…to end.”`), abbreviations and
//! titles (`Mr.`, `Gen.`, `U.S.`), initials, numbers (`2.33%`), ellipses, and
//! sentences that run across a hard-wrapped line.

use super::Span;

/// A list of words and a function telling whether a word is one of them:
/// the function is a `match`, which the compiler makes a switch on the
/// length and a few comparisons, not a scan of the list (these are asked
/// at every full stop).
macro_rules! word_list {
    ($(#[$doc:meta])* $list:ident, $is:ident, [$($w:literal),* $(,)?]) => {
        $(#[$doc])*
        #[cfg_attr(
            not(test),
            expect(dead_code, reason = "tests read the list, the splitter the function")
        )]
        const $list: &[&str] = &[$($w),*];
        #[doc = concat!("Whether a word is one of `", stringify!($list), "`.")]
        fn $is(word: &str) -> bool {
            matches!(word, $($w)|*)
        }
    };
}

word_list!(
    /// Titles and short forms that are never the end of a sentence.
    NEVER_END,
    is_never_end,
    [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr",
        "Sgt", "Cpl", "Pvt", "Adm", "Sen", "Rep", "Gov", "Rev", "Hon", "St", "Mt", "Ft", "Brig",
        "Supt", "Insp", "Det", "Atty", "Pres", "Gens", "Reps", "Sens", "Messrs", "Mme", "Mlle",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
        "Nos", "vs", "v", "approx", "cf", "Fig", "fig", "Vol", "vol", "pp", "ca", "Ave", "Blvd",
        "Rd",
    ]
);

word_list!(
    /// Short forms that may end a sentence: they split only before a word that
    /// usually starts one.
    MAY_END,
    is_may_end,
    [
        "etc", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "al", "Bros", "plc",
    ]
);

word_list!(
    /// Words that usually open a sentence; used to decide whether `U.S.` or `etc.`
    /// ends one.
    STARTERS,
    is_starter,
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So",
        "In", "On", "At", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our",
        "My", "As", "If", "When", "While", "After", "Before", "However", "Meanwhile", "Yet",
        "There", "Here", "What", "Why", "How", "Who", "Some", "Many", "Most", "One", "For",
        "Still", "Also", "Now", "Then", "Since", "Although", "Though", "Such", "Both", "Neither",
        "Last", "Earlier", "Later",
    ]
);

/// Appends the sentences of `block` (a span of `text`) to `out`. Sentences are
/// trimmed of surrounding whitespace and cover every other byte of the block.
pub fn split_sentences(text: &str, block: Span, out: &mut Vec<Span>) {
    let b = text.as_bytes();
    let end = block.end;
    let mut start = skip_ws(b, block.start, end);
    let mut i = start;
    // Where the next lead byte of a multi-byte terminator may be (…, 。, ！, ？);
    // found again only once passed, since curly quotes share the lead byte.
    let find_multi =
        |from: usize| memchr::memchr3(0xE2, 0xE3, 0xEF, &b[from..end]).map_or(end, |p| from + p);
    let mut next_multi = find_multi(start.min(end));
    // Likewise the next ASCII terminator: a curly quote before it (where the
    // scan stops to look) does not search the same bytes again.
    let find_ascii =
        |from: usize| memchr::memchr3(b'.', b'!', b'?', &b[from..end]).map_or(end, |p| from + p);
    let mut next_ascii = find_ascii(start.min(end));
    // And the lead byte of another script's full stop (। ॥ ။ ۔; one search
    // of three bytes, so not the Arabic question mark): searched once in
    // Latin text, found at every letter of Devanagari.
    let find_other =
        |from: usize| memchr::memchr3(0xE0, 0xE1, 0xDB, &b[from..end]).map_or(end, |p| from + p);
    let mut next_other = find_other(start.min(end));
    while i < end {
        if next_multi < i {
            next_multi = find_multi(i);
        }
        if next_ascii < i {
            next_ascii = find_ascii(i);
        }
        if next_other < i {
            next_other = find_other(i);
        }
        i = next_ascii.min(next_multi).min(next_other);
        if i >= end {
            break;
        }
        let c = b[i];
        let (term_len, needs_space) = match c {
            b'.' | b'!' | b'?' => (1, true),
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) => (3, true),
            // Ideographic full stop and full-width ! ?: no space follows in CJK text.
            0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => (3, false),
            0xEF if b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(&0x81 | &0x9F)) => {
                (3, false)
            }
            // Devanagari danda and double danda (Hindi, Nepali, Marathi; Bengali
            // writes the same sign), the Burmese section mark.
            0xE0 if b.get(i + 1) == Some(&0xA5) && matches!(b.get(i + 2), Some(&0xA4 | &0xA5)) => {
                (3, true)
            }
            0xE1 if b.get(i + 1) == Some(&0x81) && b.get(i + 2) == Some(&0x8B) => (3, true),
            // The Urdu full stop.
            0xDB if b.get(i + 1) == Some(&0x94) => (2, true),
            _ => {
                i += 1;
                continue;
            }
        };
        let term_start = i;
        let mut j = i + term_len;
        // Runs of terminators ("?!", "...").
        while j < end {
            match b[j] {
                b'.' | b'!' | b'?' => j += 1,
                0xE2 if b.get(j + 1) == Some(&0x80) && b.get(j + 2) == Some(&0xA6) => j += 3,
                _ => break,
            }
        }
        let run_end = j;
        j += closers_len(b, j, end);
        if j == run_end {
            j = closer_set_off(b, j, end);
        }
        let sentence_end = j.min(end);
        let k = skip_ws(b, sentence_end, end);
        if k >= end {
            break;
        }
        if needs_space && k == sentence_end {
            // "2.33%", "U.S.-style", "e.g.,": no space, no break.
            i = sentence_end.max(i + 1);
            continue;
        }
        let next = text[k..].chars().next().unwrap_or(' ');
        if !may_start_sentence(next) || spaced_ellipsis_goes_on(b, k, end) {
            i = k;
            continue;
        }
        let plain_period = c == b'.' && run_end == term_start + 1;
        if plain_period && is_abbreviation(text, start, term_start, k, end) {
            i = k;
            continue;
        }
        out.push(Span::new(start, sentence_end));
        start = k;
        i = k;
    }
    let last_end = trim_end(b, start, end);
    if last_end > start {
        out.push(Span::new(start, last_end));
    }
}

/// Where a sentence ends whose closing quotation mark stands after a space
/// (`…difficulty with that. ”`): after that mark when a curly closing mark
/// (`”`, `»`) follows the spaces and ends a word, so the mark is not a
/// sentence of its own (nor the opening of the next); else at `j`.
fn closer_set_off(b: &[u8], j: usize, end: usize) -> usize {
    let k = skip_ws(b, j, end);
    if k == j || k >= end {
        return j;
    }
    let curly = (b[k] == 0xE2 && b.get(k + 1) == Some(&0x80) && b.get(k + 2) == Some(&0x9D))
        || (b[k] == 0xC2 && b.get(k + 1) == Some(&0xBB));
    if !curly {
        return j;
    }
    let m = k + closers_len(b, k, end);
    if m >= end || ws_len(b, m) > 0 {
        m
    } else {
        j
    }
}

/// Bytes of closing quotes and brackets at `j`.
pub(crate) fn closers_len(b: &[u8], mut j: usize, end: usize) -> usize {
    let from = j;
    while j < end {
        match b[j] {
            b'"' | b'\'' | b')' | b']' => j += 1,
            // ” ’ (U+201D, U+2019)
            0xE2 if b.get(j + 1) == Some(&0x80) && matches!(b.get(j + 2), Some(&0x9D | &0x99)) => {
                j += 3
            }
            // » (U+00BB)
            0xC2 if b.get(j + 1) == Some(&0xBB) => j += 2,
            // 」 』 (U+300D, U+300F)
            0xE3 if b.get(j + 1) == Some(&0x80) && matches!(b.get(j + 2), Some(&0x8D | &0x8F)) => {
                j += 3
            }
            _ => break,
        }
    }
    j - from
}

/// Byte length of the whitespace character at `i`, or 0.
fn ws_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        0xC2 if b.get(i + 1) == Some(&0xA0) => 2,
        0xE2 if b.get(i + 1) == Some(&0x80)
            && matches!(b.get(i + 2), Some(&(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))) =>
        {
            3
        }
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

fn skip_ws(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end {
        let n = ws_len(b, i);
        if n == 0 {
            break;
        }
        i += n;
    }
    i
}

/// The end of `start..end` with trailing whitespace removed.
pub(crate) fn trim_end(b: &[u8], start: usize, mut end: usize) -> usize {
    while end > start {
        // Step back over one character, then test it.
        let mut p = end - 1;
        while p > start && (b[p] & 0xC0) == 0x80 {
            p -= 1;
        }
        if ws_len(b, p) == end - p {
            end = p;
        } else {
            break;
        }
    }
    end
}

/// Whether the dot at `k`, after a terminator and a space, is the next dot of
/// a spaced ellipsis (`"We . . . claim`) rather than the opening of a
/// sentence: a `.` followed by a space or another dot, never by a word
/// (`.NET`). A wrap may fall inside the ellipsis, so the space may be a
/// line break.
fn spaced_ellipsis_goes_on(b: &[u8], k: usize, end: usize) -> bool {
    b[k] == b'.' && (k + 1 >= end || b[k + 1] == b'.' || ws_len(b, k + 1) > 0)
}

fn may_start_sentence(c: char) -> bool {
    !(c.is_lowercase() || matches!(c, ',' | ';' | ':' | '%' | ')' | ']'))
}

/// Whether the period at `dot` ends an abbreviation rather than the sentence.
fn is_abbreviation(text: &str, sentence_start: usize, dot: usize, next: usize, end: usize) -> bool {
    let b = text.as_bytes();
    // The word before the dot starts after any whitespace, a no-break space
    // (`Democratic\u{a0}Gov.`) as much as a plain one.
    let mut w = dot;
    while w > sentence_start {
        let mut p = w - 1;
        while p > sentence_start && (b[p] & 0xC0) == 0x80 {
            p -= 1;
        }
        if ws_len(b, p) == w - p {
            break;
        }
        w = p;
    }
    let word = text[w..dot].trim_start_matches(['(', '[', '"', '\'', '“', '‘']);
    if word.is_empty() {
        return false;
    }
    // Whether the next word usually opens a sentence: asked only for the
    // short forms that may end one.
    let starter = || is_starter(next_word(text, next, end));
    // The listed short forms have at most six bytes ("Messrs", "approx").
    if word.len() <= 6 {
        if is_never_end(word) {
            return true;
        }
        if is_may_end(word) {
            return !starter();
        }
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    // An initial: "J. K. Rowling", "George W. Bush".
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    // Dotted short forms: "U.S", "U.K", "e.g", "a.m", "D.C".
    if word.contains('.')
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(char::is_alphabetic))
    {
        return !starter();
    }
    false
}

fn next_word(text: &str, from: usize, end: usize) -> &str {
    let rest = &text[from..end];
    let stop = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..stop]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_short_forms_fit_the_length_check() {
        assert!(NEVER_END.iter().chain(MAY_END).all(|w| w.len() <= 6));
    }

    #[test]
    fn the_word_lists_answer_for_their_words_only() {
        assert!(NEVER_END.iter().all(|w| is_never_end(w)));
        assert!(MAY_END.iter().all(|w| is_may_end(w)));
        assert!(STARTERS.iter().all(|w| is_starter(w)));
        for w in ["mr", "MR", "Mr.", "M", "etcetera", "the", ""] {
            assert!(!is_never_end(w) && !is_may_end(w) && !is_starter(w), "{w}");
        }
    }

    fn split(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(s, Span::new(0, s.len()), &mut out);
        out.iter().map(|sp| &s[sp.range()]).collect()
    }

    /// Regression (QA r5 D9): a closing mark after a space was a sentence
    /// of its own, and after paragraphs were joined it opened the next one.
    #[test]
    fn closing_quote_set_off_by_a_space() {
        assert_eq!(
            split("“It makes for better theater,” said Levy. “We are having difficulty with that. ” Even his supporters agree."),
            vec![
                "“It makes for better theater,” said Levy.",
                "“We are having difficulty with that. ”",
                "Even his supporters agree."
            ]
        );
        assert_eq!(
            split("We are having difficulty with that. ”"),
            vec!["We are having difficulty with that. ”"]
        );
        // An opening mark after the space opens the next sentence.
        assert_eq!(
            split("It is over. “Then he left.”"),
            vec!["It is over.", "“Then he left.”"]
        );
    }

    #[test]
    fn quote_closing_after_full_stop() {
        assert_eq!(
            split("“Safeguarding European security must be an imperative for European members of Nato,” Hegseth said. “Europe must provide the overwhelming share.”"),
            vec![
                "“Safeguarding European security must be an imperative for European members of Nato,” Hegseth said.",
                "“Europe must provide the overwhelming share.”"
            ]
        );
        assert_eq!(
            split("He said: “We want, like you, a sovereign and prosperous Ukraine."),
            vec!["He said: “We want, like you, a sovereign and prosperous Ukraine."]
        );
        assert_eq!(
            split("It is over.” Then he left."),
            vec!["It is over.”", "Then he left."]
        );
    }

    #[test]
    fn other_scripts_full_stops_end_sentences() {
        assert_eq!(
            split("राम मंदिर का उद्घाटन हुआ। स्वामी ने सवाल उठाए॥ फिर क्या?"),
            vec!["राम मंदिर का उद्घाटन हुआ।", "स्वामी ने सवाल उठाए॥", "फिर क्या?"]
        );
        assert_eq!(
            split("নির্বাচনে তৃণমূলের নজরে। বীরভূম জেলা"),
            vec!["নির্বাচনে তৃণমূলের নজরে।", "বীরভূম জেলা"]
        );
        assert_eq!(
            split("မြန်မာနိုင်ငံ ရွေးကောက်ပွဲ။ နောက်တစ်နေ့"),
            vec!["မြန်မာနိုင်ငံ ရွေးကောက်ပွဲ။", "နောက်တစ်နေ့"]
        );
        assert_eq!(
            split("یہ خبر درست ہے۔ وزیر نے کہا"),
            vec!["یہ خبر درست ہے۔", "وزیر نے کہا"]
        );
        // Glued to the next word, no break (as `2.33%`); Latin text around
        // one is split as before.
        assert_eq!(split("हुआ।स्वामी"), vec!["हुआ।स्वामी"]);
        assert_eq!(
            split("It said। no. It ended. Then"),
            vec!["It said। no.", "It ended.", "Then"]
        );
    }

    #[test]
    fn a_no_break_space_before_an_abbreviation() {
        for s in [
            "The bill was vetoed by Democratic\u{a0}Gov. John Bel Edwards on Tuesday.",
            "It came after the\u{a0}Jan. 6 riot at the Capitol.",
            "Democratic\u{202f}Sen. Joe Manchin said no.",
        ] {
            assert_eq!(split(s), vec![s]);
        }
    }

    #[test]
    fn question_inside_quote_before_attribution() {
        assert_eq!(
            split("“Why are we giving them everything?” said Kallas. “It’s a mistake.”"),
            vec![
                "“Why are we giving them everything?” said Kallas.",
                "“It’s a mistake.”"
            ]
        );
    }

    #[test]
    fn numbers_and_abbreviations() {
        assert_eq!(
            split("Spending rose 2.33% to 3.4 times the U.S. average, Mr. Smith said. Gen. Jones agreed."),
            vec![
                "Spending rose 2.33% to 3.4 times the U.S. average, Mr. Smith said.",
                "Gen. Jones agreed."
            ]
        );
        assert_eq!(
            split("It was built in the U.S. The plant closed."),
            vec!["It was built in the U.S.", "The plant closed."]
        );
        assert_eq!(
            split("J. K. Rowling wrote it. Dr. Who?"),
            vec!["J. K. Rowling wrote it.", "Dr. Who?"]
        );
        assert_eq!(
            split("On Feb. 13 the talks began."),
            vec!["On Feb. 13 the talks began."]
        );
        assert_eq!(
            split("Apples, pears, etc. The list goes on."),
            vec!["Apples, pears, etc.", "The list goes on."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(split("Well... maybe not."), vec!["Well... maybe not."]);
        assert_eq!(
            split("He paused… Then he spoke."),
            vec!["He paused…", "Then he spoke."]
        );
        assert_eq!(
            split("He said \"We . . . claim the turf.\" Then he left."),
            vec!["He said \"We . . . claim the turf.\"", "Then he left."]
        );
        assert_eq!(
            split("It ends so . . .\n. . . The next one."),
            vec!["It ends so . . .\n. . .", "The next one."]
        );
        assert_eq!(
            split("It runs on Windows. .NET is next."),
            vec!["It runs on Windows.", ".NET is next."]
        );
    }

    #[test]
    fn hard_wrapped_sentence() {
        assert_eq!(
            split("The minister said the plan\nwould go ahead. Critics\ndisagreed."),
            vec![
                "The minister said the plan\nwould go ahead.",
                "Critics\ndisagreed."
            ]
        );
    }

    #[test]
    fn cjk_and_no_terminator() {
        assert_eq!(split("今天下雨。明天晴。"), vec!["今天下雨。", "明天晴。"]);
        assert_eq!(
            split("  A headline without a stop  "),
            vec!["A headline without a stop"]
        );
    }

    #[test]
    fn spans_cover_all_non_whitespace() {
        let s = "One. Two!  Three?\n“Four.”   five";
        let mut out = Vec::new();
        split_sentences(s, Span::new(0, s.len()), &mut out);
        let covered: usize = out
            .iter()
            .map(|sp| s[sp.range()].split_whitespace().count())
            .sum();
        assert_eq!(covered, s.split_whitespace().count());
    }
}
