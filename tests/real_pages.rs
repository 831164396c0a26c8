//! What real pages did to the loader, each kept fixed: roles that collapsed
//! (class names read as substrings, a box in the middle taken as the end of
//! the article), text the extractor dropped, the page's charset ignored,
//! junk bylines and titles with site names, lists read as subheads, and
//! listing pages loaded silently with no body.

use storydiff::article::{load_bytes, Article, LoadOptions, Role};

fn load(name: &str, bytes: &[u8]) -> Article {
    load_bytes(name, bytes, &LoadOptions::default()).unwrap()
}

fn body_words(a: &Article) -> usize {
    a.blocks
        .iter()
        .filter(|b| b.role.is_content())
        .map(|b| a.slice(b.span).split_whitespace().count())
        .sum()
}

fn role_of<'a>(a: &'a Article, needle: &str) -> (Role, Option<&'a str>) {
    let b = a
        .blocks
        .iter()
        .find(|b| a.slice(b.span).contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in any block"));
    (b.role, b.reason.as_deref())
}

/// Article paragraphs: `n` different sentences of prose.
fn paragraphs(n: usize, topic: &str) -> String {
    (0..n)
        .map(|i| {
            format!(
                "<p>Paragraph {i} about the {topic} says that officials met on day {i} and agreed on several measures, \
                 which residents of the valley welcomed after months of uncertainty over number {i}.</p>\n"
            )
        })
        .collect()
}

fn page(head: &str, body: &str) -> Vec<u8> {
    format!("<!doctype html><html><head>{head}<title>Valley flood plan agreed</title></head><body>{body}</body></html>")
        .into_bytes()
}

#[test]
fn drupal_node_promoted_article_is_body_not_promo_furniture() {
    let html = page(
        "",
        &format!(
            "<article class=\"node node-article node-promoted\"><h1>Valley flood plan agreed</h1>{}</article>",
            paragraphs(8, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, "Paragraph 3").0, Role::Body);
    assert!(body_words(&a) > 200);
}

#[test]
fn a_body_in_entry_content_read_more_is_not_related_stories() {
    let html = page(
        "",
        &format!(
            "<div class=\"post\"><h1>Valley flood plan agreed</h1><div class=\"entry-content-read-more\">{}</div></div>",
            paragraphs(8, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, "Paragraph 5").0, Role::Body);
}

#[test]
fn a_most_popular_box_in_the_middle_does_not_end_the_article() {
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<div><h3>Most Popular</h3><ul><li><a href=\"/a\">A teaser headline</a></li><li><a href=\"/b\">Another teaser headline</a></li></ul></div>{}</article>",
            paragraphs(6, "flood plan"),
            paragraphs(12, "second half of the plan")
        ),
    );
    let a = load("p.html", &html);
    let (role, _) = role_of(&a, "Paragraph 10 about the second half");
    assert_eq!(role, Role::Body);
    assert!(body_words(&a) > 500, "{}", body_words(&a));
}

/// A furniture class on the element holding most of the article (as
/// `herald-sun-1`'s story blocks): never furniture as a whole, with a note.
#[test]
fn a_container_holding_most_of_the_article_is_never_furniture() {
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1><div class=\"story related-stories\">{}</div></article>",
            paragraphs(8, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, "Paragraph 6").0, Role::Body);
    assert!(
        a.notes.iter().any(|n| n.contains("ignored 1 class name")),
        "{:?}",
        a.notes
    );
}

/// The article split among three furniture-classed parts, none holding most
/// of it alone: the roles would leave a third as content, so the extractor's
/// judgement is kept, with a note.
#[test]
fn roles_that_leave_little_of_the_article_give_way_to_the_extractor() {
    let parts: String = ["share", "promo", "sponsored"]
        .iter()
        .map(|class| format!("<div class=\"{class}\">{}</div>", paragraphs(3, class)))
        .collect();
    let html = page(
        "",
        &format!("<article><h1>Valley flood plan agreed</h1>{parts}<p>{}</p></article>", "The end of the story came with a closing paragraph that residents read with relief after all these months."),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, "Paragraph 1 about the promo").0, Role::Body);
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("kept the extractor's judgement")),
        "{:?}",
        a.notes
    );
}

#[test]
fn a_related_stories_line_in_plain_text_ends_only_a_short_tail() {
    let para = |i: usize| {
        format!("Paragraph {i} of the report says officials met and agreed on several measures that residents welcomed.\n\n")
    };
    let mut text = String::from("Valley flood plan agreed\n\n");
    (0..6).for_each(|i| text.push_str(&para(i)));
    text.push_str("Related Stories\n\nA teaser headline\n\nAnother teaser headline\n\n");
    text.push_str("Second story: bridge reopens\n\n");
    (6..20).for_each(|i| text.push_str(&para(i)));
    let a = load("concatenated.txt", text.as_bytes());
    assert_eq!(role_of(&a, "Paragraph 15 ").0, Role::Body);
    assert_eq!(role_of(&a, "A teaser headline").0, Role::Related);
    assert_eq!(role_of(&a, "Related Stories").0, Role::Boilerplate);
    // At the true end, a marker still ends the article.
    let mut text = String::from("Valley flood plan agreed\n\n");
    (0..6).for_each(|i| text.push_str(&para(i)));
    text.push_str("Related Stories\n\nA teaser headline\n\nA teaser blurb that runs on for a while and then stops.\n");
    let a = load("one.txt", text.as_bytes());
    assert_eq!(role_of(&a, "A teaser blurb").0, Role::Related);
}

#[test]
fn subheader_headings_survive_extraction_as_subheads() {
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<h2 class=\"subheader\" id=\"the-campaign-comes-to-the-courtroom\">The campaign comes to the courtroom</h2>{}</article>",
            paragraphs(5, "flood plan"),
            paragraphs(5, "courtroom")
        ),
    );
    let a = load("p.html", &html);
    assert!(a.text.contains("The campaign comes to the courtroom"));
    assert_eq!(role_of(&a, "The campaign comes").0, Role::Subhead);
}

#[test]
fn lists_inside_the_article_are_body_not_subheads() {
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<ul><li>New levees along the river</li><li>Pumps for the low streets</li></ul><ol><li>1. The mayor</li><li>2. The council</li></ol>{}</article>",
            paragraphs(4, "flood plan"),
            paragraphs(4, "measures")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, "New levees").0, Role::Body);
    assert_eq!(role_of(&a, "2. The council").0, Role::Body);
    // Plain text: a numbered line is a list item, not a heading.
    let t = "Valley flood plan agreed\n\nThe council approved the plan on Monday after a long debate about costs.\n\n1. New levees along the river\n\nThe work starts next spring, officials said, and will take two years.\n";
    let a = load("p.txt", t.as_bytes());
    assert_ne!(role_of(&a, "1. New levees").0, Role::Subhead);
}

#[test]
fn view_counters_and_credits_are_not_standfirsts() {
    let t = "Valley flood plan agreed\n\nVisto 314 veces\n\nThe council approved the plan on Monday after a long debate about the costs and the timing.\n\nThe work starts next spring, officials said, and will take two years to complete.\n";
    let a = load("p.txt", t.as_bytes());
    assert_ne!(role_of(&a, "Visto 314 veces").0, Role::Standfirst);
}

#[test]
fn an_embedded_videos_words_are_captions_not_article_text() {
    // A video player in the article (USA Today's): its keywords, description
    // and transcript toggle describe the video, as a caption does.
    let html = page(
        "",
        &format!(
            "<article><h1>Liberia says patient lied on exit documents</h1>\
             <div class=\"ui-video-controls story-video\"><span class=\"video-keywords-display\">Video Keywords</span>\
             <p class=\"video-desc\">Travelers at the airport express concerns about the screening measures in place.</p>\
             <span class=\"video-full-transcript-button\">Video Transcript</span></div>{}</article>",
            paragraphs(6, "screening")
        ),
    );
    let a = load("p.html", &html);
    for needle in [
        "Video Keywords",
        "Travelers at the airport",
        "Video Transcript",
    ] {
        assert_eq!(role_of(&a, needle).0, Role::Caption, "{needle}");
    }
    assert_eq!(role_of(&a, "Paragraph 2 about").0, Role::Body);
    // A page whose article is itself a video's write-up stays body: the
    // class holds most of the text.
    let html = page(
        "",
        &format!(
            "<div class=\"video-article\"><h1>Flood video</h1>{}</div>",
            paragraphs(6, "flood")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, "Paragraph 2 about").0, Role::Body);
}

#[test]
fn an_authors_biography_is_no_byline_and_an_icon_glyph_no_heading() {
    let html = page(
        "",
        &format!(
            "<article><h1>Zuckerberg did not want to take over the world</h1>\
             <div class=\"author\"><span class=\"display-name\">Alexia Tsotsis</span></div>\
             <div class=\"author-dropdown\"><div class=\"authorlinks\"><a href=\"/author/at/\">View Author Page</a></div>\
             <div class=\"description\"><p>Alexia Tsotsis currently works for TechCrunch as a writer. \
             She is also a blogger who attended the University of Southern California in Los Angeles, \
             where she majored in Writing and Art. → Learn More</p></div></div>\
             {}<h3><span class=\"magnifier\"><span class=\"icon icon-white\">S</span></span></h3>\
             <h3>Take Note</h3>{}</article>",
            paragraphs(4, "interview"),
            paragraphs(3, "notes")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(a.meta.byline.as_deref(), Some("Alexia Tsotsis"));
    assert_eq!(role_of(&a, "currently works for").0, Role::Boilerplate);
    let glyph = a.blocks.iter().find(|b| a.slice(b.span) == "S").unwrap();
    assert_eq!(glyph.role, Role::Boilerplate);
    assert_eq!(role_of(&a, "Take Note").0, Role::Subhead);
}

#[test]
fn a_date_printed_under_the_headline_dates_a_page_without_date_markup() {
    // Xinhua's layout: an empty audio element, then the date line.
    let html = page(
        "",
        &format!(
            "<div class=\"header\"><h1><span class=\"title\">短缺药品保供稳价 全力保障临床用药需求</span></h1>\
             <audio class=\"hide\"></audio><div class=\"info\">2023-11-17 20:52:15 <span>来源：新华网</span></div></div>\
             <article>{}</article>",
            paragraphs(6, "medicine")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(a.meta.date.as_deref(), Some("2023-11-17T20:52"));
    // A paragraph of prose after the headline is no date line.
    let html = page(
        "",
        &format!(
            "<h1>Valley flood plan agreed</h1><p>2023-11-17 was the day the council met, and it agreed on the plan after a long debate about the costs.</p>{}",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(a.meta.date, None);
}

#[test]
fn declared_charsets_decode_the_page() {
    let cases: [(&str, &'static encoding_rs::Encoding, &str); 3] = [
        (
            "<meta charset=\"windows-1251\">",
            encoding_rs::WINDOWS_1251,
            "Диета Аткинса помогла тысячам людей сбросить вес, говорят врачи в Москве.",
        ),
        (
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb18030\">",
            encoding_rs::GB18030,
            "美国国防部长赫格塞斯周三在布鲁塞尔表示，结束乌克兰战争的一切选项都在谈判桌上。",
        ),
        (
            "<meta charset=\"Shift_JIS\">",
            encoding_rs::SHIFT_JIS,
            "トランプ大統領は会見で、北朝鮮との首脳会談に前向きな姿勢を示したと日本経済新聞が伝えた。",
        ),
    ];
    for (tag, enc, sentence) in cases {
        let body: String = (0..6).map(|_| format!("<p>{sentence}</p>")).collect();
        let html = format!(
            "<html><head>{tag}<title>t</title></head><body><article><h1>Headline</h1>{body}</article></body></html>"
        );
        let (bytes, _, _) = enc.encode(&html);
        let a = load("page.html", &bytes);
        assert_eq!(a.encoding, enc.name());
        let body: Vec<&str> = a.body_blocks().map(|b| a.slice(b.span)).collect();
        assert!(
            !body.is_empty() && body.iter().all(|b| *b == sentence),
            "{body:?}"
        );
        assert!(
            a.notes.iter().any(|n| n.contains("declared")),
            "{:?}",
            a.notes
        );
    }
}

#[test]
fn bylines_are_names_not_form_labels_or_dates() {
    let html = page(
        "<meta name=\"author\" content=\"humans.txt\">",
        &format!(
            "<article><h1>Valley flood plan agreed</h1><div class=\"byline\">By Carrie ArnoldNovember 15, 2019</div>{}</article>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(a.meta.byline.as_deref(), Some("Carrie Arnold"));
    let html = page(
        "<meta name=\"author\" content=\"Nama (wajib)\">",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}</article>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(a.meta.byline, None);
}

#[test]
fn titles_lose_breadcrumbs_and_markdown_marks() {
    let html = format!(
        "<html><head><title>Valley flood plan agreed » Local » Noticias » Ultima Hora</title></head><body><article>{}</article></body></html>",
        paragraphs(6, "flood plan")
    );
    let a = load("p.html", html.as_bytes());
    assert_eq!(a.meta.title.as_deref(), Some("Valley flood plan agreed"));
    let a = load("p.md", b"# Valley flood plan agreed\n\nThe council approved the plan on Monday after a long debate.\n");
    assert_eq!(a.meta.title.as_deref(), Some("Valley flood plan agreed"));
}

/// A logo's `h1` (an image, no words) before the headline's: the headline is
/// the first `h1` with words, and wins over a generic `og:title`.
#[test]
fn a_logo_h1_does_not_hide_the_headline() {
    let html = format!(
        "<html><head><title>Valley flood plan agreed</title><meta property=\"og:title\" content=\"Daily News - Latest News &amp; Headlines\"></head>\
         <body><h1><a href=\"/\"><img src=\"logo.png\" alt=\"\"></a></h1><article><h1>Valley flood plan agreed</h1>{}</article></body></html>",
        paragraphs(6, "flood plan")
    );
    let a = load("p.html", html.as_bytes());
    assert_eq!(a.meta.title.as_deref(), Some("Valley flood plan agreed"));
}

/// A `by` alone in its element, then the author's name (`royal-road`): the
/// byline, where the only author markup is a `Follow Author` button; a `by`
/// between links in running text names no author.
#[test]
fn a_name_after_a_bare_by_is_the_byline_and_a_follow_button_is_not() {
    let html = page(
        "",
        &format!(
            "<div class=\"fic-header\"><a href=\"/fiction/1\"><h2>Super Supportive</h2></a> <span>by</span> \
             <h3><a href=\"/profile/338123\">Sleyca</a></h3><h1>Valley flood plan agreed</h1></div>\
             <article>{}</article><form class=\"follow-author-form\"><button>Follow Author</button></form>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("chapter.html", &html);
    assert_eq!(a.meta.byline.as_deref(), Some("Sleyca"));
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<p>The engine was written <a href=\"/c\">in C++</a> by <a href=\"/d\">Dave Hyatt</a> \
             and later rewritten.</p><div class=\"follow-author\"><button>Follow Author</button></div></article>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("wiki.html", &html);
    assert_eq!(a.meta.byline, None);
}

#[test]
fn a_listing_page_says_so() {
    let teasers: String = (0..30)
        .map(|i| format!("<div class=\"card\"><h3><a href=\"/s{i}\">Headline number {i} of the day</a></h3><span>2 hours ago</span></div>"))
        .collect();
    let html = page("", &format!("<main>{teasers}</main>"));
    let a = load("front.html", &html);
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("no article found: looks like a listing page")),
        "{:?}",
        a.notes
    );
}

/// A front page whose teasers carry a two-sentence summary each: prose, but
/// never two paragraphs in a row and dozens of headlines around them.
#[test]
fn a_front_page_with_teaser_summaries_says_it_is_a_listing() {
    let teasers: String = (0..6)
        .map(|i| {
            format!(
                "<div class=\"story\"><h3>Section {i}</h3><h2><a href=\"/s{i}\">Headline number {i} of the day</a></h2>\
                 <p>The council met on day {i} to agree a plan that residents had long waited for in the valley. \
                 Officials said the measures would take effect within weeks of the vote.</p><p>By Reporter {i}</p>\
                 <figure><figcaption>Credit Photographer {i}</figcaption></figure>\
                 <ul><li><a href=\"/a{i}\">A related headline {i}</a></li><li><a href=\"/b{i}\">Another headline {i}</a></li>\
                 <li><a href=\"/c{i}\">A third headline {i}</a></li><li><a href=\"/d{i}\">A fourth headline {i}</a></li></ul></div>"
            )
        })
        .collect();
    let a = load("front.html", &page("", &format!("<main>{teasers}</main>")));
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("looks like a listing page")),
        "{:?}",
        a.notes
    );
}

/// A front page of a few stories, each a headline, a one- or two-sentence
/// summary and its source (`Sky News`, `Reuters 13 mins ago`), is a listing;
/// an article whose sections are one paragraph each under a heading is not.
#[test]
fn a_front_page_of_headline_summary_and_source_is_a_listing() {
    let sources = [
        "Sky News",
        "Reuters 13 mins ago",
        "Press Association",
        "Associated Press",
        "Yahoo Celebrity",
        "LiveScience 24 mins ago",
    ];
    let stories: String = sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            format!(
                "<li><h3><a href=\"/s{i}\">Headline number {i} of the day</a></h3>\
                 <p>The parents of {i} children who were killed in the attack have described their lives since as hell beyond hell, \
                 speaking days after the inquiry opened.</p><p>{source}</p></li>"
            )
        })
        .collect();
    let a = load(
        "front.html",
        &page(
            "",
            &format!("<main><h1>Front page</h1><ul>{stories}</ul></main>"),
        ),
    );
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("looks like a listing page")),
        "{:?}",
        a.notes
    );
    let sections: String = (0..6)
        .map(|i| {
            format!(
                "<h2>Section {i} of the plan</h2><p>The council met on day {i} to agree a plan that residents had long waited for \
                 in the valley, and officials said the measures would take effect within weeks.</p>"
            )
        })
        .collect();
    let a = load(
        "sections.html",
        &page(
            "",
            &format!("<article><h1>Valley flood plan agreed</h1>{sections}</article>"),
        ),
    );
    assert!(
        !a.notes.iter().any(|n| n.contains("listing page")),
        "{:?}",
        a.notes
    );
}

/// An article of short sentences in a list (facts, each ending with a full
/// stop) is no listing page.
#[test]
fn an_article_with_a_list_of_short_facts_is_not_a_listing() {
    let facts: String = (0..12)
        .map(|i| format!("<li>Fact number {i} was searched more than the World Cup.</li>"))
        .collect();
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<p>Some of the other data points include:</p><ul>{facts}</ul></article>",
            paragraphs(2, "flood plan")
        ),
    );
    let a = load("facts.html", &html);
    assert!(
        !a.notes.iter().any(|n| n.contains("listing page")),
        "{:?}",
        a.notes
    );
}

/// Pages of short lines that are no listing: a song's or a changelog's lines
/// broken by `<br>` (one text, not teasers), a page of one-word links, and
/// an episode page whose short article runs on in sentences among a
/// sidebar's dozens of links.
#[test]
fn lines_of_one_text_one_word_links_and_a_short_article_are_not_a_listing() {
    let not_listing = |name: &str, html: &[u8]| {
        let a = load(name, html);
        assert!(
            !a.notes.iter().any(|n| n.contains("listing page")),
            "{name}: {:?}",
            a.notes
        );
    };
    let verse: String = (0..40)
        .map(|i| format!("Room full of people number {i} and only you<br>"))
        .collect();
    not_listing(
        "song.html",
        &page(
            "",
            &format!("<article><h1>Only One Lyrics</h1><p>{verse}</p></article>"),
        ),
    );
    let changes: String = (0..40)
        .map(|i| format!("+ Added block number {i} with smooth versions<br>"))
        .collect();
    not_listing(
        "changes.html",
        &page(
            "",
            &format!("<article><h1>Version 1.8</h1><p>{changes}</p></article>"),
        ),
    );
    let links: String = (0..20)
        .map(|i| format!("<p><a href=\"/l{i}\">link</a></p>"))
        .collect();
    not_listing(
        "links.html",
        &page(
            "",
            &format!("<article><h1>Base URL test</h1>{links}</article>"),
        ),
    );
    let facts: String = (0..4)
        .map(|i| format!("<p>- Item {i} of the episode is about a phone app that lets you share leftovers.</p>"))
        .collect();
    let sidebar: String = (0..40)
        .map(|i| format!("<li><a href=\"/s{i}\">Sidebar headline number {i}</a></li>"))
        .collect();
    not_listing(
        "episode.html",
        &page(
            "",
            &format!(
                "<article><h1>Episode 1310: where it is love at first swipe</h1>{}{facts}<ul>{sidebar}</ul></article>",
                paragraphs(1, "episode")
            ),
        ),
    );
}

/// A song's lines broken by `<br>` under the page's headline are one text,
/// not dozens of headings: body, and the page never loads as 0 body.
#[test]
fn a_songs_lines_broken_by_br_are_body_not_subheads() {
    let verse: String = (0..24)
        .map(|i| format!("Room full of people number {i} but I only see you<br />\n"))
        .collect();
    let html = page(
        "",
        &format!(
            "<div class=\"post\"><h1>Only One Lyrics</h1><p>January 29th in Pop</p>\
             <p><strong>Only One Lyrics by the band</strong></p><p>{verse}</p></div>"
        ),
    );
    let a = load("song.html", &html);
    let (role, reason) = role_of(&a, "Room full of people number 5 ");
    assert_eq!(role, Role::Body, "{reason:?}");
    assert!(a.body_blocks().count() >= 20, "{:?}", a.notes);
    assert!(a.no_article_note().is_none(), "{:?}", a.notes);
}

/// A page of headings and interface lines (a social site's message panels
/// around an item the extractor did not keep) has no article text: it
/// says so, naming where its words went, instead of loading silently
/// with no body.
#[test]
fn a_page_with_no_body_text_says_so_and_where_its_words_went() {
    let panels: String = [
        "Direct Messages",
        "Direct Messages with",
        "New messages",
        "Direct Messages New",
        "Add People",
    ]
    .iter()
    .map(|h| format!("<div class=\"panel\"><h3>{h}</h3><button>Close</button></div>"))
    .collect();
    let html = page("", &format!("<div class=\"app\">{panels}</div>"));
    let a = load("social.html", &html);
    assert_eq!(a.body_blocks().count(), 0, "{:?}", a.blocks);
    let note = a
        .no_article_note()
        .unwrap_or_else(|| panic!("no note: {:?}", a.notes));
    assert!(note.contains("no body text among the page's"), "{note}");
    assert!(note.contains("subhead"), "{note}");
}

/// A page whose body is a sliver of its text (two short lines among many
/// headings) says so too; an article with its headings does not.
#[test]
fn a_body_far_smaller_than_the_page_says_so_an_article_does_not() {
    let headings: String = (0..6)
        .map(|i| format!("<h3>Messages panel number {i} for the account holder here</h3>"))
        .collect();
    let html = page(
        "",
        &format!("<div class=\"app\">{headings}<p>You have no messages yet.</p></div>"),
    );
    let a = load("panels.html", &html);
    let note = a
        .no_article_note()
        .unwrap_or_else(|| panic!("no note: {:?}", a.notes));
    assert!(note.contains("body words among the page's"), "{note}");
    let article = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1><h2>The vote</h2>{}<h2>What comes next</h2>{}</article>",
            paragraphs(3, "vote"),
            paragraphs(3, "plan")
        ),
    );
    let a = load("article.html", &article);
    assert!(a.no_article_note().is_none(), "{:?}", a.notes);
}

/// The extractor takes a comments widget for the article; the episode's
/// summary, printed in full where the page's `meta description` says, is
/// article text (a standfirst), with a note.
#[test]
fn the_paragraph_printing_the_declared_description_is_article_text() {
    let summary = "Gun control advocates are looking for new options, including some tech strategies. \
        On Wednesday, seven measures failed in the Senate, including an amendment that would have expanded \
        background checks. Some advocates are now looking in new directions. So-called smart guns are \
        firearms that only authorized users can fire. But so far, there is not a single one on the market.";
    let comments: String = (0..8)
        .map(|i| {
            format!(
                "<div class=\"comment\"><h4>Is law school worth the price {i}?</h4><p>Thank you. I read this story {i} as a little \
                 window into a huge landscape of suffering and greed that I had not seen before, and it moved me to write.</p></div>"
            )
        })
        .collect();
    let head = format!(
        "<meta name=\"description\" content=\"{}\">",
        &summary[..300]
    );
    let body = format!(
        "<div class=\"episode\"><div class=\"field-lede\"><div class=\"label\">Episode Description:</div><div>{summary}</div></div></div>\
         <div id=\"sidebar\"><h2>Recent comments on our stories</h2>{comments}</div>"
    );
    let a = load("episode.html", &page(&head, &body));
    assert_eq!(role_of(&a, "Gun control advocates").0, Role::Standfirst);
    assert!(a.text.contains("not a single one on the market"));
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("not about the page's own description")),
        "{:?}",
        a.notes
    );
}

/// A one-line dek the extractor leaves beside the article stays out.
#[test]
fn a_dek_beside_the_article_is_not_added() {
    let dek = "Officials in the valley agreed a plan on Monday that residents had waited for after months of uncertainty";
    let head = format!("<meta name=\"description\" content=\"{dek}\">");
    let body = format!(
        "<header><h1>Valley flood plan agreed</h1><p class=\"dek\">{dek}</p></header><article>{}</article>",
        paragraphs(8, "flood plan")
    );
    let a = load("dek.html", &page(&head, &body));
    assert!(!a.notes.iter().any(|n| n.contains("own description")));
}

#[test]
fn deep_nesting_loads_and_keeps_the_text() {
    let n = 10_000;
    let html = format!(
        "<html><body>{}<p>Deep text at the bottom of a very deep page.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let a = load("deep.html", html.as_bytes());
    assert!(a.text.contains("Deep text at the bottom"));
    assert!(
        a.notes.iter().any(|n| n.contains("levels deep")),
        "{:?}",
        a.notes
    );
}

#[test]
fn a_generic_og_title_gives_way_to_the_pages_headline() {
    let html = format!(
        "<html><head><meta property=\"og:title\" content=\"Yahoo News - Latest News &amp; Headlines\"><title>Russia: Space ship malfunctions, breaks up over Siberia - Yahoo News</title></head><body><article><h1>Russia: Space ship malfunctions, breaks up over Siberia</h1>{}</article></body></html>",
        paragraphs(6, "space ship")
    );
    let a = load("p.html", html.as_bytes());
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Russia: Space ship malfunctions, breaks up over Siberia")
    );
}

#[test]
fn a_gallery_caption_repeated_in_a_row_is_furniture_but_a_plans_repeated_line_is_not() {
    let slides: String = (0..6)
        .map(|_| "<div class=\"slide\"><p>Weather threatens holiday plans</p></div>".to_string())
        .collect();
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{slides}<p>&lt;&lt;</p><p>12</p>{}</article>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    let (role, reason) = role_of(&a, "Weather threatens");
    assert_eq!(role, Role::Boilerplate);
    assert!(reason.unwrap().contains("in a row"), "{reason:?}");
    assert_eq!(role_of(&a, "<<").0, Role::Boilerplate);
    assert!(a
        .blocks
        .iter()
        .any(|b| a.slice(b.span) == "12" && b.role == Role::Boilerplate));
    // A meal plan repeats its instruction under each meal, with the meal between.
    let meals: String = (0..4)
        .map(|i| {
            format!(
                "<h3>Meal {i}</h3><p><em>Eat every two to three hours</em></p><p>One cup of oats number {i}, with berries and a spoon of nut butter stirred in.</p>"
            )
        })
        .collect();
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}{meals}</article>",
            paragraphs(4, "meal plan")
        ),
    );
    let a = load("p.html", &html);
    assert!(role_of(&a, "Eat every two").0.is_content());
}

#[test]
fn date_lines_links_and_typo_widgets_are_not_article_text() {
    let t = "Valley flood plan agreed\n\nŠodien, 17:40\n\nAutori: Anna Ūdre (LTV ziņu redaktore)\n\n\
             The council approved the plan on Monday after a long debate about the costs and the timing.\n\n\
             The work starts next spring, officials said, and will take two years to complete.\n\n\
             Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!\n\n\
             Facebook https://fb.me/valleynews\n\nLINE ID = @valleynews\n";
    let a = load("p.txt", t.as_bytes());
    assert_eq!(role_of(&a, "Šodien").0, Role::Date);
    assert_eq!(role_of(&a, "Autori:").0, Role::Byline);
    assert_eq!(
        a.meta.byline.as_deref(),
        Some("Anna Ūdre (LTV ziņu redaktore)")
    );
    assert_eq!(role_of(&a, "Ctrl+Enter").0, Role::Boilerplate);
    assert_eq!(role_of(&a, "fb.me").0, Role::Boilerplate);
    assert_eq!(role_of(&a, "@valleynews").0, Role::Boilerplate);
    let t = "Valley flood plan agreed\n\nالأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)\n\n\
             The council approved the plan on Monday after a long debate about the costs and the timing.\n\n\
             The work starts next spring, officials said, and will take two years to complete.\n";
    let a = load("p.txt", t.as_bytes());
    assert_eq!(role_of(&a, "آخر تحديث").0, Role::Date);
}

#[test]
fn a_last_paragraph_signed_off_by_the_desk_is_not_a_teaser() {
    let t = "Valley flood plan agreed\n\n\
             The council approved the plan on Monday after a long debate about the costs and the timing.\n\n\
             The work starts next spring, officials said, and will take two years to complete.\n\n\
             The plan costs about 50 million euros and needs the approval of the regional parliament. (bsc)\n";
    let a = load("p.txt", t.as_bytes());
    assert_eq!(role_of(&a, "(bsc)").0, Role::Body);
    let t = "Valley flood plan agreed\n\n\
             The council approved the plan on Monday after a long debate about the costs and the timing.\n\n\
             The work starts next spring, officials said, and will take two years to complete.\n\n\
             Analysts say the group keeps the means to strike again in the north-east of the country.(c)AFP/Aminu ABUBAKAR\n";
    let a = load("p.txt", t.as_bytes());
    assert_eq!(role_of(&a, "Aminu").0, Role::Body);
}

#[test]
fn thai_paragraphs_are_body_and_a_thai_related_marker_ends_the_article() {
    let para = "ภรรยาของสุรชัยกล่าวว่า ได้ทราบข่าวจากบุตรชายแล้ว แต่ยังไม่ได้รับการยืนยันจากเจ้าหน้าที่ตำรวจ และครอบครัวยังคงรอคอยผลการตรวจพิสูจน์ดีเอ็นเอจากทางการ";
    let body: String = (0..5).map(|i| format!("<p>{para} {i}</p>")).collect();
    let html = page(
        "",
        &format!(
            "<article><h1>ข่าวการเมือง</h1>{body}<p>เรื่องที่เกี่ยวข้อง</p><p>ลืออุ้ม อ.สุรชัย ผู้ลี้ภัยหายจากที่พัก 12 วันแล้ว</p></article>"
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, para).0, Role::Body);
    assert_eq!(role_of(&a, "เรื่องที่เกี่ยวข้อง").0, Role::Boilerplate);
    assert_eq!(role_of(&a, "ลืออุ้ม").0, Role::Related);
}

#[test]
fn a_source_line_names_the_outlet_and_is_not_article_text() {
    let t = "Hundreds of port workers in Italy are striking against a new vaccine mandate\nSource: Quartz\nPublished: 2021-10-18\n\n\
             Italy's new covid-19 rules went into effect on Oct. 15, prompting labor strikes and protests across the country.\n\
             The measure, which was approved by the government on Sept. 16, aims to boost vaccination.\n";
    let a = load("p.txt", t.as_bytes());
    let (role, reason) = role_of(&a, "Source: Quartz");
    assert_eq!(role, Role::Boilerplate);
    assert!(reason.unwrap().contains("outlet"), "{reason:?}");
    assert_eq!(a.meta.outlet.as_deref(), Some("Quartz"));
    assert_eq!(a.meta.date.as_deref().map(|d| &d[..10]), Some("2021-10-18"));
}

#[test]
fn a_reader_comments_author_is_not_the_byline() {
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}</article>\
             <section id=\"comments\"><div class=\"comment\"><span class=\"comment-author\">Jane Reader</span>\
             <p>Great news for the valley.</p></div></section>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_ne!(a.meta.byline.as_deref(), Some("Jane Reader"));
    // The article's own byline markup still counts.
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1><span class=\"author\">John Writer</span>{}</article>\
             <section id=\"comments\"><span class=\"comment-author\">Jane Reader</span></section>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(a.meta.byline.as_deref(), Some("John Writer"));
}

#[test]
fn site_names_after_the_headline_leave_the_title_wherever_it_comes_from() {
    // The site name in `og:title` and `<title>`, named again in `og:site_name`.
    let html = format!(
        "<html><head><meta property=\"og:title\" content=\"Fireball seen over three states -- Sott.net\"><meta property=\"og:site_name\" content=\"Sott.net\"><title>Fireball seen over three states -- Puppet Masters -- Sott.net</title></head><body><article><h1>Fireball seen over three states</h1>{}</article></body></html>",
        paragraphs(6, "fireball")
    );
    let a = load("p.html", html.as_bytes());
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Fireball seen over three states")
    );
    // A site name and a section after it, in the `<title>` only.
    let html = format!(
        "<html><head><meta charset=\"utf-8\"><title>美国国防部长表示一切选项都在谈判桌上 - BBC中文网 - 两岸三地</title></head><body><article>{}</article></body></html>",
        paragraphs(6, "talks")
    );
    let a = load("p.html", html.as_bytes());
    assert_eq!(
        a.meta.title.as_deref(),
        Some("美国国防部长表示一切选项都在谈判桌上")
    );
    // The outlet's name after a bar, with the page naming its site.
    let html = page(
        "<meta property=\"og:title\" content=\"How to build a terrarium | eHow\"><meta property=\"og:site_name\" content=\"eHow\">",
        &format!(
            "<article><h1>How to build a terrarium</h1>{}</article>",
            paragraphs(6, "terrarium")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(a.meta.title.as_deref(), Some("How to build a terrarium"));
}

#[test]
fn a_site_name_every_declared_title_carries_is_part_of_the_published_title() {
    let head = |og: &str, twitter: &str, extra: &str| {
        format!(
            "<meta property=\"og:title\" content=\"{og}\"><meta name=\"twitter:title\" content=\"{twitter}\"><meta property=\"og:site_name\" content=\"Breitbart\">{extra}"
        )
    };
    let body = format!(
        "<article><h1>Snopes writer asks about Trump supporters</h1>{}</article>",
        paragraphs(6, "snopes")
    );
    let titled = |head: &str| load("p.html", &page(head, &body));
    // `og:title` and `twitter:title` both write the site's name: the title
    // as published; the title block is still the printed headline, once.
    let both = "Snopes writer asks about Trump supporters - Breitbart";
    let a = titled(&head(both, both, ""));
    assert_eq!(a.meta.title.as_deref(), Some(both));
    let titles: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.role == Role::Title)
        .map(|b| a.slice(b.span))
        .collect();
    assert_eq!(titles, ["Snopes writer asks about Trump supporters"]);
    // One of them without it: the name is a label, cut.
    let a = titled(&head(both, "Snopes writer asks about Trump supporters", ""));
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Snopes writer asks about Trump supporters")
    );
    // JSON-LD's headline (which the extractor prefers) without it.
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Snopes writer asks about Trump supporters"}</script>"#;
    let a = titled(&head(both, both, ld));
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Snopes writer asks about Trump supporters")
    );
    // An address or a breadcrumb trail goes however many titles carry it.
    let address = "Snopes writer asks about Trump supporters -- Sott.net";
    let a = titled(&head(address, address, ""));
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Snopes writer asks about Trump supporters")
    );
    let trail = "Snopes writer asks about Trump supporters » Local » Noticias » Ultima Hora";
    let a = titled(&head(trail, trail, ""));
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Snopes writer asks about Trump supporters")
    );
}

#[test]
fn the_title_block_is_the_printed_headline_without_the_authors_name() {
    // Medium's JSON-LD name `Headline - Author - Medium`: the metadata keeps
    // the author (as Readability's reference does), the title block shows
    // the `h1` the page prints.
    let ld = r#"<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","name":"Samantha and The Great Big Lie - John C. Welch - Medium","headline":"Samantha and The Great Big Lie - John C. Welch - Medium"}</script><meta property="og:site_name" content="Medium">"#;
    let body = format!(
        "<article><h1>Samantha and The Great Big Lie</h1>{}</article>",
        paragraphs(6, "lie")
    );
    let a = load("p.html", &page(ld, &body));
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Samantha and The Great Big Lie - John C. Welch")
    );
    let titles: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.role == Role::Title)
        .map(|b| a.slice(b.span))
        .collect();
    assert_eq!(titles, ["Samantha and The Great Big Lie"]);
}

#[test]
fn the_site_name_leaves_the_title_block_too_and_before_the_headline() {
    // No `og:site_name`: the page's address names the site; the title block
    // shown above the article reads as the metadata does.
    let html = format!(
        "<html><head><link rel=\"canonical\" href=\"https://www.beachbodyondemand.com/blog/meal-prep\"><title>Meal Prep for A Little More Obsessed | The Beachbody Blog</title></head><body><article>{}</article></body></html>",
        paragraphs(6, "meal prep")
    );
    let a = load("p.html", html.as_bytes());
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Meal Prep for A Little More Obsessed")
    );
    let first = &a.blocks[0];
    assert_eq!(first.role, Role::Title);
    assert_eq!(a.slice(first.span), "Meal Prep for A Little More Obsessed");
    // The site's name before the headline, as `og:site_name` gives it.
    let html = page(
        "<meta property=\"og:title\" content=\"TechCrunch | 2005 Zuckerberg Didn’t Want To Take Over The World\"><meta property=\"og:site_name\" content=\"TechCrunch\">",
        &format!(
            "<article><h1>2005 Zuckerberg Didn’t Want To Take Over The World</h1>{}</article>",
            paragraphs(6, "interview")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("2005 Zuckerberg Didn’t Want To Take Over The World")
    );
    // A title that merely names the company the address belongs to keeps it.
    let html = format!(
        "<html><head><meta property=\"og:url\" content=\"https://dropbox.tech/infrastructure/atf\"><meta property=\"og:title\" content=\"How we designed Dropbox’s ATF - an async task framework\"><title>How we designed Dropbox’s ATF - an async task framework</title></head><body><article>{}</article></body></html>",
        paragraphs(6, "task framework")
    );
    let a = load("p.html", html.as_bytes());
    assert_eq!(
        a.meta.title.as_deref(),
        Some("How we designed Dropbox’s ATF - an async task framework")
    );
}

/// A page whose `<title>`, `og:title` and `h1` are given.
fn headed(title: &str, og_title: &str, h1: &str, topic: &str) -> Vec<u8> {
    format!(
        "<html><head><meta property=\"og:site_name\" content=\"The Courier\"><meta property=\"og:title\" content=\"{og_title}\"><title>{title}</title></head><body><article><h1>{h1}</h1>{}</article></body></html>",
        paragraphs(6, topic)
    )
    .into_bytes()
}

fn title_blocks(a: &Article) -> Vec<&str> {
    a.blocks
        .iter()
        .filter(|b| b.role == Role::Title)
        .map(|b| a.slice(b.span))
        .collect()
}

#[test]
fn a_headline_worded_twice_is_the_title_tags_wording_and_the_block_the_printed_one() {
    // The `<title>` and the printed headline tell the same story in other
    // words: the `<title>` (its site name cut) is the headline of record,
    // the title block the `h1`.
    let printed = "Dam Repairs Could Still Leave Valley Towns Exposed";
    let a = load(
        "p.html",
        &headed(
            "Engineers Warn Valley Dam Repairs May Fail in Spring Floods | The Courier",
            printed,
            printed,
            "dam",
        ),
    );
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Engineers Warn Valley Dam Repairs May Fail in Spring Floods")
    );
    assert_eq!(title_blocks(&a), [printed]);
    // Three wordings (`<title>`, `og:title`, `h1`): still the `<title>`'s.
    let a = load(
        "p.html",
        &headed(
            "Engineers Warn Valley Dam Repairs May Fail in Spring Floods | The Courier",
            "Valley Dam Repairs Could Fail, Engineers Say",
            printed,
            "dam",
        ),
    );
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Engineers Warn Valley Dam Repairs May Fail in Spring Floods")
    );
}

#[test]
fn a_title_tag_that_is_a_cut_an_extension_or_no_wording_of_the_headline_leaves_it() {
    // A shorter `<title>` whose words the headline holds: the headline.
    let headline = "Mayor wins fourth term as the valley votes to keep its course in 2023";
    let a = load(
        "p.html",
        &headed(
            "Mayor wins fourth term as valley votes to keep course | The Courier",
            headline,
            headline,
            "vote",
        ),
    );
    assert_eq!(a.meta.title.as_deref(), Some(headline));
    // A `<title>` that is a placeholder or a section's name: the headline.
    let a = load(
        "p.html",
        &headed(
            "Local news and weather | The Courier",
            "Dam repairs could still leave valley towns exposed",
            "Dam repairs could still leave valley towns exposed",
            "dam",
        ),
    );
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Dam repairs could still leave valley towns exposed")
    );
}

#[test]
fn a_title_with_a_lead_in_before_the_printed_headline_is_the_fuller_headline() {
    // `<title>` = lead-in + the `h1`, its site name (`CNN Politics`, named by
    // the address www.cnn.com) removed.
    let html = format!(
        "<html><head><meta property=\"og:url\" content=\"https://www.cnn.com/2023/11/06/politics/alito\"><title>Alito and Prelogar: The nonstop sparring match at the Supreme Court | CNN Politics</title></head><body><article><h1>The nonstop sparring match at the Supreme Court</h1>{}</article></body></html>",
        paragraphs(6, "court")
    );
    let a = load("p.html", html.as_bytes());
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Alito and Prelogar: The nonstop sparring match at the Supreme Court")
    );
    // A lead-in that is the site's name is not part of the headline.
    let html = format!(
        "<html><head><meta property=\"og:url\" content=\"https://www.mcsweeneys.net/articles/oath\"><title>McSweeney’s Internet Tendency: The Middle Manager’s Oath for all</title></head><body><article><h1>The Middle Manager’s Oath for all</h1>{}</article></body></html>",
        paragraphs(6, "oath")
    );
    let a = load("p.html", html.as_bytes());
    assert_eq!(
        a.meta.title.as_deref(),
        Some("The Middle Manager’s Oath for all")
    );
}

#[test]
fn a_last_paragraph_with_picture_credits_in_brackets_is_body() {
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<p>Now all you need to do is keep your gadgets charged and you might just make it through the semester. [Top Image: Creativa, Notes Image: wavebreakmedia / Shutterstock, Dorm Room: Vasin Lee]</p></article>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, "Now all you need").0, Role::Body);
}

#[test]
fn a_via_line_is_a_source_credit_not_article_text() {
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<p>Via Engadget</p></article>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    let (role, reason) = role_of(&a, "Via Engadget");
    assert_eq!(role, Role::Boilerplate, "{reason:?}");
    // A sentence that starts with the word is prose.
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<p>Via the new bridge, residents reach the town in minutes.</p>{}</article>",
            paragraphs(3, "flood plan"),
            paragraphs(3, "bridge")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, "Via the new bridge").0, Role::Body);
}

#[test]
fn headings_among_the_furniture_after_the_article_are_not_subheads() {
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<p>Read or Share this story: http://example.com/1x3</p>\
             <h6>USA NOW</h6><h5>Rumors surround a leader’s absence | USA NOW</h5><h5>Oct 10, 2014</h5></article>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    for heading in ["USA NOW", "Rumors surround", "Oct 10, 2014"] {
        let (role, reason) = role_of(&a, heading);
        assert!(!role.is_content(), "{heading:?} is {role:?} ({reason:?})");
    }
    // A last heading right under the last paragraph, with no furniture
    // between, is left as the markup says.
    let html = page(
        "",
        &format!(
            "<article><h1>Valley flood plan agreed</h1>{}<h2>What comes next</h2></article>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(role_of(&a, "What comes next").0, Role::Subhead);
}

#[test]
fn a_timestamp_in_the_byline_markup_gives_way_to_the_pages_author() {
    let html = page(
        "<meta name=\"author\" content=\"Benjamin Romano\">",
        &format!(
            "<article><h1>Valley flood plan agreed</h1><div class=\"byline\"><time>April 28, 2019 at 6:01 am</time></div>{}</article>",
            paragraphs(6, "flood plan")
        ),
    );
    let a = load("p.html", &html);
    assert_eq!(a.meta.byline.as_deref(), Some("Benjamin Romano"));
}

#[test]
fn a_thai_article_is_not_a_listing_page_and_its_submitted_line_is_no_byline() {
    // Thai puts spaces between phrases: its paragraphs have few "words".
    let para = "ภรรยาของสุรชัยกล่าวว่า ได้ทราบข่าวจากบุตรชายแล้ว แต่ยังไม่ได้รับการยืนยันจากเจ้าหน้าที่ตำรวจ และครอบครัวยังคงรอคอยผลการตรวจพิสูจน์ดีเอ็นเอจากทางการ";
    let body: String = (0..5).map(|i| format!("<p>{para} {i}</p>")).collect();
    let links: String = (0..8)
        .map(|i| format!("<p>ติดตาม ประชาไท {i}</p>"))
        .collect();
    let html = page(
        "",
        &format!(
            "<article><h1>ข่าวการเมือง</h1><div class=\"submitted-by\">Submitted on Mon, 2019-01-21 13:49</div>{body}{links}</article>"
        ),
    );
    let a = load("p.html", &html);
    assert!(a.blocks.len() >= 10, "{:?}", a.blocks.len());
    assert!(
        !a.notes.iter().any(|n| n.contains("listing page")),
        "{:?}",
        a.notes
    );
    assert_eq!(a.meta.byline, None);
    assert_eq!(role_of(&a, para).0, Role::Body);
}

/// Regression: a page with no site name anywhere (html-pages' New York Times
/// page) had no outlet; its address names one. A named site still wins.
#[test]
fn the_address_names_the_outlet_when_the_page_does_not() {
    let body = format!(
        "<article><h1>Valley flood plan agreed</h1>{}</article>",
        paragraphs(6, "flood plan")
    );
    let url =
        r#"<meta property="og:url" content="https://www.example-news.com/2019/11/18/valley.html">"#;
    let a = load("p.html", &page(url, &body));
    assert_eq!(a.meta.outlet.as_deref(), Some("example-news.com"));
    let named = format!(r#"{url}<meta property="og:site_name" content="Example News">"#);
    let a = load("p.html", &page(&named, &body));
    assert_eq!(a.meta.outlet.as_deref(), Some("Example News"));
}
