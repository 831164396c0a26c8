//! What a sentence asserts: its main clause, told apart from the
//! circumstances around it, so that two sentences are one claim only when
//! what they assert agrees — not when one of them merely mentions the
//! other's fact on the way to saying something else (`A recently relieved
//! … commander claimed that …`, `The speech comes amid heightened pressure
//! from …`, `… struggling to wrap up work … despite hopes to expedite voting
//! on the nearly $1 trillion proposal`).
//!
//! The rules read English sentence structure from closed classes of words
//! (subordinating conjunctions, prepositions, relative pronouns, verbs of
//! saying) and punctuation; no word of any story is listed. A word is part
//! of the assertion unless it stands in:
//! - a lead-in: the opening phrase up to the first comma, when it opens
//!   with a subordinator, a preposition or a participle (`Since troops began
//!   withdrawing in May, …`, `On Tuesday, …`, `Calling Roe "egregiously
//!   wrong," …`);
//! - a subordinate clause: from a subordinator that always opens one
//!   (`after`, `amid`, `despite`, `during`, `because`, `while` …), or from a relative
//!   pronoun or conjunction just after a comma (`, which …`, `, who …`,
//!   `, with senators hoping …`, `, as …`), to the next comma, dash,
//!   semicolon or the end;
//! - an attribution: the speaker and the verb of saying before what is
//!   said (`Raisi said on Monday that …`, `… insisted he would not …`,
//!   `Judge Friedrich said the agency exceeded …`), or
//!   a short clause after a comma that names who said it (`…, Fauci said
//!   Thursday.`).
//!
//! It is a reading aid for claims, not a parser: when the rules would leave
//! fewer than three words, the whole sentence is the assertion.

/// Words that open a subordinate clause or adjunct wherever they stand.
const ALWAYS_SUBORDINATE: &[&str] = &[
    "after", "although", "amid", "amidst", "because", "despite", "during", "though", "whereas",
    "whilst", "while",
];

/// Words that open a condition wherever they stand (`would go up if …`,
/// `refused to say if the US would increase …`): what follows is supposed,
/// not asserted, whoever its subject is. (`whether` is left out: `will
/// decide whether to create a committee` names what the sentence is about.)
const CONDITIONAL: &[&str] = &["if"];

/// Words that open a subordinate clause, an appositive or an adjunct right
/// after a comma or a dash (within a clause they often do not: `such as`,
/// `met with`, `people who`); among them the participles that say where or
/// how a statement was made (`"…," Biden said, speaking from a TV-style set
/// for a virtual summit of 40 world leaders`, `Kagan, writing for the
/// court, said …`): the occasion, not what is said.
const AFTER_COMMA: &[&str] = &[
    "according",
    "addressing",
    "ahead",
    "appearing",
    "before",
    "even",
    "following",
    "just",
    "once",
    "since",
    "speaking",
    "talking",
    "unless",
    "until",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "with",
    "writing",
];

/// Words that, opening a sentence, open a lead-in phrase that ends at its
/// first comma.
const LEAD_IN: &[&str] = &[
    "according",
    "after",
    "ahead",
    "although",
    "amid",
    "amidst",
    "as",
    "at",
    "because",
    "before",
    "by",
    "despite",
    "during",
    "following",
    "for",
    "from",
    "given",
    "if",
    "in",
    "on",
    "once",
    "over",
    "since",
    "though",
    "throughout",
    "under",
    "unless",
    "until",
    "upon",
    "when",
    "where",
    "while",
    "with",
    "within",
    "without",
];

/// Verbs of saying: what follows them is what is asserted; who comes
/// before them says it. Forms that are as often nouns (`claims`, `notes`)
/// are left out.
const SAYING: &[&str] = &[
    "acknowledged",
    "admitted",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "argued",
    "argues",
    "asserted",
    "asserts",
    "claimed",
    "confirmed",
    "confirms",
    "contended",
    "contends",
    "declared",
    "explained",
    "insisted",
    "insists",
    "maintained",
    "noted",
    "reported",
    "revealed",
    "reveals",
    "said",
    "say",
    "says",
    "stated",
    "suggested",
    "suggests",
    "testified",
    "told",
    "tells",
    "wrote",
    "writes",
];

/// Subject pronouns: after a verb of saying, the start of what is said.
const SUBJECT_PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we"];

/// Words between a verb of saying and `that` (or a pronoun) that still
/// leave the verb introducing what is said (`said on Monday that`).
const SAYING_GAP: usize = 4;

/// The longest clause after a comma read as an attribution (`…, the Health
/// and Human Services department announced Thursday`).
const ATTRIBUTION_WORDS: usize = 10;

/// The longest speaker before a verb of saying (`Pulitzer Prize-winning
/// investigative journalist Nikole Hannah-Jones`): more words, and the verb
/// is not the clause's main verb.
const SPEAKER_WORDS: usize = 10;

/// Words after the verb in a trailing attribution (`said on Thursday in a
/// statement`): more, and the clause says something of its own.
const TRAILING_AFTER_VERB: usize = 5;

/// Lead-ins longer than this are not one opening phrase.
const LEAD_IN_WORDS: usize = 20;

/// Longer "sentences" are not prose (a page with no full stop): read
/// whole, and the scans back to a clause's start stay short.
const LONGEST_SENTENCE: usize = 400;

/// Fewer words than this left: the rules misread the sentence.
const LEAST_ASSERTION: usize = 3;

/// For each of `words` (a sentence split at whitespace, punctuation kept),
/// whether it is part of what the sentence asserts.
#[cfg(test)]
pub(crate) fn assertion_words(words: &[&str]) -> Vec<bool> {
    assertion_parts(words).asserted
}

/// How a sentence's words divide: what it asserts, and where what it says
/// was said (`attribution`: `in a blog post` after `the company said`,
/// `according to a book excerpt`), which is neither what is said nor a
/// circumstance of it.
pub(crate) struct Parts {
    pub asserted: Vec<bool>,
    pub attribution: Vec<bool>,
}

/// For each of `words` (a sentence split at whitespace, punctuation kept),
/// whether it is part of what the sentence asserts, and whether it says
/// where that was said.
pub(crate) fn assertion_parts(words: &[&str]) -> Parts {
    let whole = || Parts {
        asserted: vec![true; words.len()],
        attribution: vec![false; words.len()],
    };
    if words.len() > LONGEST_SENTENCE {
        return whole();
    }
    let bare: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let mut keep = vec![true; words.len()];
    drop_lead_in(words, &bare, &mut keep);
    drop_subordinate_clauses(words, &bare, &mut keep);
    let mut attribution = according_to(words, &bare, &keep);
    drop_attributions(words, &bare, &mut keep, &mut attribution);
    if keep.iter().filter(|&&k| k).count() < LEAST_ASSERTION {
        return whole();
    }
    Parts {
        asserted: keep,
        attribution,
    }
}

/// The words of an `according to …` phrase (already left out of the
/// assertion as a circumstance): the source of what is said.
fn according_to(words: &[&str], bare: &[String], keep: &[bool]) -> Vec<bool> {
    let mut out = vec![false; words.len()];
    let mut k = 0;
    while k + 1 < words.len() {
        if bare[k] == "according" && bare[k + 1] == "to" && !keep[k] {
            let end = (k..words.len())
                .find(|&j| closes_clause(words[j]))
                .unwrap_or(words.len() - 1);
            out[k..=end].iter_mut().for_each(|x| *x = true);
            k = end;
        }
        k += 1;
    }
    out
}

/// A word lower-cased, without the punctuation around it.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a word closes a clause: it ends with a comma, semicolon or colon
/// (inside closing quotation marks too), or is a dash standing alone.
fn closes_clause(word: &str) -> bool {
    let end = word.trim_end_matches(['"', '”', '’', '\'', ')']);
    end.ends_with([',', ';', ':']) || is_dash(word)
}

/// Whether a word ends with a comma (inside closing quotation marks too).
fn after_comma(word: &str) -> bool {
    word.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(',')
}

/// Whether a word closes a quotation with a comma, question or
/// exclamation mark inside the closing mark (`choices,"`, `wrong?”`): a
/// clause of saying after it is the quotation's attribution.
fn closes_quotation(word: &str) -> bool {
    let end = word.trim_end_matches(['"', '”', '’', '\'']);
    end.len() < word.len() && end.ends_with([',', '?', '!'])
}

/// A dash standing alone (`—`, `–`, `--`).
fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "–" | "--" | "-")
}

/// Whether a word opens with a dash joined to it (`—including`).
fn opens_with_dash(word: &str) -> bool {
    word.starts_with(['—', '–'])
}

/// The opening phrase up to the first comma, when the sentence opens with a
/// subordinator, a preposition or a participle (`Speaking in Brussels,`)
/// outside quotation marks.
fn drop_lead_in(words: &[&str], bare: &[String], keep: &mut [bool]) {
    let Some(first) = bare.first() else {
        return;
    };
    // A quotation is what is said, whatever its first word (`“Meeting this
    // moment is about more than preserving our planet,” Biden said`).
    if words[0].starts_with(['"', '“', '‘', '\'']) {
        return;
    }
    let participle = first.len() > 4 && first.ends_with("ing");
    if !(participle || LEAD_IN.contains(&first.as_str())) {
        return;
    }
    let Some(end) = words
        .iter()
        .take(LEAD_IN_WORDS)
        .position(|w| closes_clause(w))
    else {
        return;
    };
    keep[..=end].iter_mut().for_each(|k| *k = false);
}

/// Subordinate clauses: from their opening word to the next comma, dash,
/// semicolon or the end.
fn drop_subordinate_clauses(words: &[&str], bare: &[String], keep: &mut [bool]) {
    let mut k = 1;
    while k < words.len() {
        let after_break = closes_clause(words[k - 1]) || opens_with_dash(words[k]);
        let opens = (ALWAYS_SUBORDINATE.contains(&bare[k].as_str())
            && !in_relative_clause(words, bare, k)
            && !opens_clause(bare, k))
            || CONDITIONAL.contains(&bare[k].as_str())
            || (after_break && AFTER_COMMA.contains(&bare[k].as_str()));
        if !opens {
            k += 1;
            continue;
        }
        let end = (k..words.len())
            .find(|&j| closes_clause(words[j]))
            .unwrap_or(words.len() - 1);
        keep[k..=end].iter_mut().for_each(|x| *x = false);
        k = end + 1;
    }
}

/// Whether the word at `k` stands inside a relative clause opened earlier
/// in its clause (`a felon who allegedly voted while on probation was
/// arrested`): a subordinator there belongs to the relative clause, whose
/// end is not marked, and the main verb may still follow.
fn in_relative_clause(words: &[&str], bare: &[String], k: usize) -> bool {
    let start = clause_start(words, k);
    bare[start..k]
        .iter()
        .any(|w| matches!(w.as_str(), "who" | "which" | "whose" | "whom"))
}

/// Whether the subordinator at `k` opens a clause whose subject is a
/// pronoun (`His comments come after he declared on Wednesday that …`): a
/// report of what the sentence's own actor did, not a circumstance; or
/// follows a main clause that only places the sentence's subject in time
/// (`The Defence Secretary's comments came after Trump surprised Ukraine
/// …`): what came before is what such a sentence reports.
fn opens_clause(bare: &[String], k: usize) -> bool {
    let pronoun = bare
        .get(k + 1)
        .is_some_and(|w| SUBJECT_PRONOUNS.contains(&w.as_str()));
    let came_after =
        bare[k] == "after" && k > 0 && matches!(bare[k - 1].as_str(), "come" | "comes" | "came");
    pronoun || came_after
}

/// The first word of the clause the word at `k` stands in.
fn clause_start(words: &[&str], k: usize) -> usize {
    (0..k)
        .rev()
        .find(|&j| closes_clause(words[j]))
        .map_or(0, |j| j + 1)
}

/// Who says it: the words before a verb of saying that introduces what is
/// said (`that`, or a pronoun, a few words on), with the verb; and a short
/// clause after a comma that names a speaker and ends the sentence or its
/// clause after something asserted (`…, Fauci said Thursday.`). A verb of saying after a relative
/// pronoun (`a video that claimed …`) is part of what is said.
/// The words after the verb in an attribution (`in a blog post`, `in a
/// letter published in the journal Science`) say where it was said
/// (`medium`).
fn drop_attributions(words: &[&str], bare: &[String], keep: &mut [bool], medium: &mut [bool]) {
    let mut clause_done = usize::MAX;
    for k in 0..words.len() {
        // A verb of saying in a circumstance (`Blinken gave the figure after
        // officials repeatedly said they didn't know …`) belongs to it: it
        // says nothing of who says the sentence's own assertion.
        if !SAYING.contains(&bare[k].as_str()) || !keep[k] {
            continue;
        }
        let clause_start = clause_start(words, k);
        let clause_end = (k..words.len())
            .find(|&j| closes_clause(words[j]))
            .unwrap_or(words.len() - 1);
        let relative = bare[clause_start..k]
            .iter()
            .any(|w| matches!(w.as_str(), "that" | "which" | "who" | "whom" | "whose"));
        // `a story she claimed she was ordered to write`: a pronoun inside
        // the clause says the verb belongs to an embedded clause.
        let embedded = k > clause_start + 1 && SUBJECT_PRONOUNS.contains(&bare[k - 1].as_str());
        if relative || embedded || k - clause_start > SPEAKER_WORDS || clause_done == clause_start {
            continue;
        }
        clause_done = clause_start;
        let introduces = (k + 1..words.len().min(k + 2 + SAYING_GAP))
            .find(|&j| bare[j] == "that" || SUBJECT_PRONOUNS.contains(&bare[j].as_str()))
            .or_else(|| says_what_follows(words, bare, clause_start, k).then_some(k + 1));
        if let Some(j) = introduces {
            let upto = if bare[j] == "that" { j } else { j - 1 };
            keep[clause_start..=upto]
                .iter_mut()
                .for_each(|x| *x = false);
            medium[k + 1..=upto.max(k)]
                .iter_mut()
                .for_each(|x| *x = true);
        } else if keep[..clause_start].iter().any(|&x| x)
            && after_comma(words[clause_start - 1])
            && clause_end + 1 - clause_start <= ATTRIBUTION_WORDS
            && clause_end - k <= TRAILING_AFTER_VERB
        {
            keep[clause_start..=clause_end]
                .iter_mut()
                .for_each(|x| *x = false);
            medium[k + 1..=clause_end.max(k)]
                .iter_mut()
                .for_each(|x| *x = true);
        } else if clause_start > 0 && closes_quotation(words[clause_start - 1]) {
            // After a quotation (`"…," she told host Tammy Bruce on Fox
            // News Primetime on Monday night`) the clause is its
            // attribution however long: what is said is the quotation, and
            // the words after the verb say to whom and where, but for the
            // circumstances already left out (`after the Senate voted …`).
            let after_verb = k + 1..clause_end.max(k) + 1;
            medium[after_verb.clone()].copy_from_slice(&keep[after_verb]);
            keep[clause_start..=clause_end]
                .iter_mut()
                .for_each(|x| *x = false);
        }
    }
}

/// Whether the verb of saying at `k` (`said`, `says`, `say`) is followed by
/// what is said without `that`: an article opening its subject (`Judge
/// Friedrich said the agency exceeded its authority`), the verb having a
/// speaker of its own before it in its clause (not `…," said the 18
/// scientists`). Other verbs of saying take an object there (`told the
/// committee`, `announced the investment`).
fn says_what_follows(words: &[&str], bare: &[String], clause_start: usize, k: usize) -> bool {
    matches!(bare[k].as_str(), "said" | "says" | "say")
        && k > clause_start
        && !closes_clause(words[k])
        && bare
            .get(k + 1)
            .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
}

#[cfg(test)]
mod tests {
    use super::assertion_words;

    /// The words of `s` that are part of its assertion.
    fn asserted(s: &str) -> String {
        let words: Vec<&str> = s.split_whitespace().collect();
        words
            .iter()
            .zip(assertion_words(&words))
            .filter(|(_, k)| *k)
            .map(|(w, _)| *w)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_passing_mention_in_a_clause_is_not_asserted() {
        assert_eq!(
            asserted("The speech comes amidst heightened pressure from China's leadership and only a day after Xi pushed for reunification."),
            "The speech comes"
        );
        assert_eq!(
            asserted("Critics condemned the White House after Psaki revealed the administration is working with Facebook."),
            "Critics condemned the White House"
        );
        assert_eq!(
            asserted("Haugen revealed her identity during an interview with 60 Minutes on Sunday."),
            "Haugen revealed her identity"
        );
    }

    #[test]
    fn where_a_statement_was_made_is_no_part_of_it() {
        assert_eq!(
            asserted("“Meeting this moment is about more than preserving our planet,” Biden said, speaking from a TV-style set for a virtual summit of 40 world leaders."),
            "“Meeting this moment is about more than preserving our planet,”"
        );
    }

    #[test]
    fn what_came_before_is_reported() {
        let s = "The US Defence Secretary's comments came after Trump surprised Ukraine by announcing peace talks with Putin.";
        assert_eq!(asserted(s), s);
    }

    #[test]
    fn the_speaker_is_who_not_what() {
        assert_eq!(
            asserted("A recently relieved Space Force commander claimed Monday night that the Pentagon sent a video."),
            "the Pentagon sent a video."
        );
        assert_eq!(
            asserted("The president-elect insisted he would not meet with Biden, whose administration seeks to revive the deal."),
            "he would not meet with Biden,"
        );
        assert_eq!(
            asserted("The US will invest $3 billion in antiviral pills, Dr. Anthony Fauci said Thursday."),
            "The US will invest $3 billion in antiviral pills,"
        );
        assert_eq!(
            asserted("In a ruling on Wednesday, Judge Dabney Friedrich said the agency exceeded its authority."),
            "the agency exceeded its authority."
        );
        // After a quotation, `said the …` names the speaker; `told` takes an object.
        let inverted = "\"More investigation is still needed,\" said the 18 scientists.";
        assert_eq!(
            asserted(inverted),
            "\"More investigation is still needed,\""
        );
        let told = "Fauci told the committee the country could be back to normal by spring.";
        assert_eq!(asserted(told), told);
    }

    #[test]
    fn a_verb_of_saying_in_a_circumstance_names_no_speaker() {
        assert_eq!(
            asserted("Blinken gave the figure after administration officials repeatedly said they did not know how many Americans remain."),
            "Blinken gave the figure"
        );
    }

    #[test]
    fn where_it_was_said_is_told_apart() {
        let said_in = |s: &str| {
            let words: Vec<&str> = s.split_whitespace().collect();
            let parts = super::assertion_parts(&words);
            words
                .iter()
                .zip(parts.attribution)
                .filter(|(_, k)| *k)
                .map(|(w, _)| *w)
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            said_in("The company will remove any content that alleges vaccines are dangerous, YouTube said in a blog post."),
            "in a blog post."
        );
        assert_eq!(
            said_in("Milley placed roadblocks in front of a strike, according to a book excerpt from Bob Woodward."),
            "according to a book excerpt from Bob Woodward."
        );
        assert_eq!(
            said_in("Raisi said on Monday that he would not meet with Biden."),
            "on Monday that"
        );
        assert_eq!(said_in("Raisi will not meet with Biden."), "");
        assert_eq!(
            said_in("\"I am not here to make people feel bad about their political choices,\" she told host Tammy Bruce on Fox News Primetime on Monday night."),
            "host Tammy Bruce on Fox News Primetime on Monday night."
        );
    }

    #[test]
    fn a_condition_is_supposed_not_asserted() {
        assert_eq!(
            asserted("\"The peace dividend has to end,\" Hegseth said, though he refused to say if the US would increase its own defence spending from 3.4% of GDP."),
            "\"The peace dividend has to end,\" he refused to say"
        );
        // An indirect question names what is decided: it stays.
        let s = "Pelosi will decide this week whether to create a select committee.";
        assert_eq!(asserted(s), s);
    }

    #[test]
    fn lead_ins_are_circumstances() {
        assert_eq!(
            asserted("Nearing decision time, senators were struggling to wrap up work on the plan despite hopes to expedite voting on the $1 trillion proposal."),
            "senators were struggling to wrap up work on the plan"
        );
        assert_eq!(
            asserted("On Tuesday, Gov. Cuomo declared a state of emergency."),
            "Gov. Cuomo declared a state of emergency."
        );
    }

    #[test]
    fn what_is_announced_is_asserted() {
        let s = "The expert announced the $3.2 billion investment as part of a new program.";
        assert_eq!(asserted(s), s);
    }

    #[test]
    fn a_run_of_words_with_no_end_is_read_whole() {
        let s = "officials said that ".repeat(50_000);
        let words: Vec<&str> = s.split_whitespace().collect();
        assert!(super::assertion_words(&words).iter().all(|&k| k));
    }

    #[test]
    fn too_little_left_keeps_the_whole_sentence() {
        let s = "After the vote, he left.";
        assert_eq!(asserted(s), s);
    }
}
