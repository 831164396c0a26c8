//! The compare view's state and its one place of change, `App::update`.

use super::state::ViewState;
use std::sync::Arc;

use super::action::Action;
use super::changes::{change_starts, read_on, ReadOn, Screen};
use super::config::Config;
use super::filter::{self, ClassFilter};
use super::layout::{build_groups, Drawn, Group, GroupKind, Item, Layout, LayoutKey};
use super::theme::Theme;
use crate::align::{
    align, align_by_claims, by_claims_fits, megabytes, AlignOptions, Comparison, Relation, Side,
    BY_CLAIMS_MAX_BYTES,
};
use crate::article::Article;

/// Rows above the content (pane headers) and below it (status line).
pub const HEADER_ROWS: u16 = 4;
pub const STATUS_ROWS: u16 = 1;
/// Smallest terminal the view draws in; below it, a "too small" notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// The compare view's help box's title.
pub const HELP_TITLE: &str = "storydiff keys and marks — q, Esc or ? closes";

/// What the compare view's marks mean, as its help (after the keys) and the
/// manual page say: the gutter beside each passage, the overview strip at
/// the right edge, and the counts on the status line.
pub const MARKERS: [(&str, &str); 13] = [
    ("=", "equal on both sides"),
    (
        "~",
        "changed: a homologous pair, the words that differ emphasised",
    ),
    ("-", "only in the old article"),
    ("+", "only in the new article"),
    (
        "> <",
        "the two ends of a moved passage (% jumps between them)",
    ),
    (
        "¶",
        "a paragraph break one side has and the other lacks (by claims, only where both sides read on in their own order)",
    ),
    (
        "# N \" @ ! ?",
        "in the gutter of a changed passage: it changes a number, a name, a quotation, an attribution, a negation or a hedge (e filters, ]f jumps)",
    ),
    (
        "[0.44]",
        "by claims, before a partner: how alike the two sentences are (0 to 1)",
    ),
    (
        "[↕ ¶N …]",
        "by claims: the partner stands in paragraph N of its own article, out of the old article's order",
    ),
    (
        "[role · why]",
        "furniture (title, caption, boilerplate, teaser) and why the loader called it so (B folds it)",
    ),
    (
        "right edge",
        "the overview strip: where the changes are in the whole pair; the highlighted part is on screen",
    ),
    (
        "=25 ~1 -23 +12",
        "status line: passages of each mark (>0 moved, ¶8 re-paragraphed; by claims ↕ pairs out of order)",
    ),
    (
        "#2 N1 w3 c1",
        "status line: changed passages by class: the fact badges above, w wording only, c cosmetic (house style: case, quotes, punctuation)",
    ),
];

/// The engine's result, with the display groups built from it and, when the
/// screen size was known, their layout.
pub struct Prepared {
    pub comparison: Comparison,
    pub groups: Vec<Group>,
    pub layout: Option<Layout>,
    /// The other alignment (in order when this one is by claims, or the
    /// reverse), when already computed: the switch key shows it.
    pub other: Option<Aligned>,
}

/// A comparison and its display groups.
pub struct Aligned {
    pub comparison: Comparison,
    pub groups: Vec<Group>,
}

impl Aligned {
    fn new(comparison: Comparison, old: &Article, new: &Article) -> Aligned {
        let groups = build_groups(&comparison, old, new);
        Aligned { comparison, groups }
    }
}

/// Aligns and builds the display groups (run off the UI thread for big
/// inputs): in order, and for `related` pairs (independent write-ups) by
/// claims too, which is then shown first. An `unrelated` pair is aligned by
/// claims too: when it shares a claim and in order pairs nothing but
/// sentences equal word for word (which by claims keeps), it opens by claims;
/// otherwise it opens in order and the status line offers the claims.
pub fn prepare(old: &Article, new: &Article, options: &AlignOptions) -> Prepared {
    let in_order = Aligned::new(align(old, new, options), old, new);
    let small = by_claims_fits(old.text.len() + new.text.len());
    let by_claims = || Aligned::new(align_by_claims(old, new, options), old, new);
    let (shown, other) = match in_order.comparison.relation {
        _ if !small => (in_order, None),
        Relation::Related => (by_claims(), Some(in_order)),
        Relation::Unrelated => {
            let claims = by_claims();
            if shares_a_claim(&claims.comparison) && pairs_only_equal(&in_order.comparison) {
                (claims, Some(in_order))
            } else {
                (in_order, Some(claims))
            }
        }
        Relation::Identical | Relation::Reprint => (in_order, None),
    };
    Prepared {
        comparison: shown.comparison,
        groups: shown.groups,
        layout: None,
        other,
    }
}

/// Whether an alignment by claims pairs at least one claim.
fn shares_a_claim(c: &Comparison) -> bool {
    c.by_claims.is_some_and(|b| b.shared_claims > 0)
}

/// Whether an alignment in order pairs no sentences but equal ones: no
/// edited or moved pair that the view by claims would not show.
fn pairs_only_equal(c: &Comparison) -> bool {
    c.stats.changed == 0 && c.stats.moved == 0
}

/// `prepare`, and the layout for `key` too, so the UI thread only draws.
pub fn prepare_for(
    old: &Article,
    new: &Article,
    key: LayoutKey,
    options: &AlignOptions,
) -> Prepared {
    let mut p = prepare(old, new, options);
    p.layout = Some(Layout::compute(key, &p.comparison, &p.groups, old, new));
    p
}

/// Everything that exists once alignment is done.
pub struct Ready {
    pub comparison: Comparison,
    pub groups: Vec<Group>,
    pub layout: Layout,
    /// Items that start a run of changes, in order (targets of `]c`).
    pub changes: Vec<usize>,
    /// The other alignment, once computed (see `Prepared::other`).
    pub other: Option<Aligned>,
}

impl Ready {
    /// What the layout was computed from.
    pub fn drawn<'a>(&'a self, old: &'a Article, new: &'a Article) -> Drawn<'a> {
        Drawn {
            comparison: &self.comparison,
            groups: &self.groups,
            old,
            new,
        }
    }
}

/// The search prompt and its results.
#[derive(Default)]
pub struct Search {
    /// Text being typed after `/`, while the prompt is open.
    pub input: Option<String>,
    /// The last submitted query (lower case).
    pub query: String,
    /// Every occurrence of the query, in row order, as the item holding it
    /// (an item holding three occurrences is listed three times): `n`
    /// steps through each, and "hit k of N" counts occurrences, not rows.
    pub hits: Vec<usize>,
    /// The hit last jumped to and the top row it left: while the screen
    /// stays there, `n`/`N` step on from that hit (several may share an item).
    at: Option<(usize, u64)>,
}

pub struct App {
    pub old: Arc<Article>,
    pub new: Arc<Article>,
    pub ready: Option<Ready>,
    pub theme: Theme,
    pub config: Config,
    /// Terminal size.
    pub size: (u16, u16),
    /// First content row on screen.
    pub top: u64,
    pub inline: bool,
    pub wrap: bool,
    pub fold_furniture: bool,
    pub fold_unchanged: bool,
    /// Which changes are shown (all, facts only, cosmetic only).
    pub filter: ClassFilter,
    /// The left pane shows the new side.
    pub swapped: bool,
    pub focus: Side,
    pub help: bool,
    /// The first help entry shown (the help scrolls in a short window).
    pub help_top: usize,
    pub search: Search,
    /// A one-line message for the status line (warnings, "no more changes").
    pub message: Option<String>,
    pub quit: bool,
    /// When alignment started (for the progress shown until it is done).
    pub started: std::time::Instant,
    /// Keys pressed before the alignment was ready, applied once it is.
    pub queued: Vec<Action>,
    /// The item the last jump went to and the top row it left: while the
    /// screen stays there, that item is the current one, so that `]f`
    /// keeps counting through targets the screen cannot scroll to the top
    /// (all on one screen, or on the last one).
    jumped: Option<(u64, usize)>,
    /// Opened from another view (a story, a history): `q` goes back there.
    pub nested: bool,
}

/// The loader's notes on either file, for the status line's first message
/// (the pane headers keep them in sight, clipped to the pane).
fn loader_notes(old: &Article, new: &Article) -> Option<String> {
    let side = |name: &str, a: &Article| {
        (!a.notes.is_empty()).then(|| format!("{name}: {}", a.notes.join("; ")))
    };
    let notes: Vec<String> = [side("old", old), side("new", new)]
        .into_iter()
        .flatten()
        .collect();
    (!notes.is_empty()).then(|| format!("note {}", notes.join(" · ")))
}

impl App {
    pub fn new(old: Arc<Article>, new: Arc<Article>, config: Config, size: (u16, u16)) -> App {
        // A side that is no article says so from the first frame; else
        // what the loader guessed or fixed on either side.
        let message = [("old", &old), ("new", &new)]
            .iter()
            .find_map(|(side, a)| Some(format!("{side}: {}", a.no_article_note()?)))
            .or_else(|| loader_notes(&old, &new));
        App {
            old,
            new,
            ready: None,
            theme: Theme::new(config.theme),
            fold_furniture: config.fold_boilerplate,
            fold_unchanged: config.fold_unchanged,
            filter: ClassFilter::All,
            config,
            size,
            top: 0,
            inline: false,
            wrap: true,
            swapped: false,
            focus: Side::Old,
            help: false,
            help_top: 0,
            search: Search::default(),
            message,
            quit: false,
            started: std::time::Instant::now(),
            queued: Vec::new(),
            jumped: None,
            nested: false,
        }
    }

    /// Takes the engine's result and lays it out for the current size.
    pub fn set_prepared(&mut self, p: Prepared) {
        let key = self.layout_key();
        let layout = match p.layout {
            Some(l) if l.key == key => l,
            _ => Layout::compute(key, &p.comparison, &p.groups, &self.old, &self.new),
        };
        let changes = change_starts(&layout, &p.groups, p.comparison.by_claims.is_some());
        if p.comparison.approximate {
            self.message = Some(format!(
                "approximate: {}{short}approximate: deadline reached{short}approximate",
                p.comparison.notes.join("; "),
                short = crate::tui::view::SHORTER
            ));
        }
        self.ready = Some(Ready {
            comparison: p.comparison,
            groups: p.groups,
            layout,
            changes,
            other: p.other,
        });
        self.open_where_the_old_article_starts();
        for action in std::mem::take(&mut self.queued) {
            self.update(action);
        }
    }

    /// By claims, the rows follow the old article, and the new article's
    /// sentences before its first shared claim (no paired neighbour before
    /// them) come first, beside nothing: 003 against 000 opens on 50 rows of
    /// 003's own with the old pane empty. When that run would push the old
    /// article's first row below the middle of the first screen, the view
    /// opens at that row instead — where the comparison starts — and says
    /// how much of the new article stands above (the rows keep their order;
    /// `k`/`g` scroll up to them).
    fn open_where_the_old_article_starts(&mut self) {
        let Some(r) = &self.ready else { return };
        if r.comparison.by_claims.is_none() || self.top != 0 {
            return;
        }
        let holds_old = |item: &Item| match item {
            Item::Group(g) => !r.groups[*g].old.is_empty(),
            Item::Fold { groups, .. } => groups.clone().any(|g| !r.groups[g].old.is_empty()),
        };
        let Some(first) = r.layout.items.iter().position(holds_old) else {
            return;
        };
        let row = r.layout.starts[first];
        if row <= u64::from(self.content_height() / 2) {
            return;
        }
        let above: usize = r.layout.items[..first]
            .iter()
            .map(|item| match item {
                Item::Group(g) => r.groups[*g].new.len(),
                Item::Fold { groups, .. } => groups.clone().map(|g| r.groups[g].new.len()).sum(),
            })
            .sum();
        self.top = row;
        self.clamp();
        if self.message.is_none() {
            let s = if above == 1 { "" } else { "s" };
            self.message = Some(format!(
                "↑ {above} sentence{s} of the new article before its first shared claim (g: to the top){short}↑ {above} new-side sentence{s} above (g){short}↑ {above} above (g)",
                short = crate::tui::view::SHORTER
            ));
        }
    }

    /// Switches between the alignment by claims and in order, keeping the
    /// sentence the reader was looking at (the one at the top of the
    /// screen) on the same screen row: the same old sentence, or the same
    /// new one where the row held only the new article's.
    fn switch_alignment(&mut self) {
        let key = self.layout_key();
        let Some(r) = self.ready.as_mut() else { return };
        let anchor = r.layout.unit_at(r.drawn(&self.old, &self.new), self.top);
        let bytes = self.old.text.len() + self.new.text.len();
        if r.other.is_none() && r.comparison.by_claims.is_none() && !by_claims_fits(bytes) {
            self.message = Some(format!(
                "by claims is for pairs up to {}; this one is {}",
                megabytes(BY_CLAIMS_MAX_BYTES),
                megabytes(bytes)
            ));
            return;
        }
        let other = match r.other.take() {
            Some(o) => o,
            None => {
                let options = &self.config.align;
                let c = match r.comparison.by_claims {
                    Some(_) => align(&self.old, &self.new, options),
                    None => align_by_claims(&self.old, &self.new, options),
                };
                Aligned::new(c, &self.old, &self.new)
            }
        };
        let shown = Aligned {
            comparison: std::mem::replace(&mut r.comparison, other.comparison),
            groups: std::mem::replace(&mut r.groups, other.groups),
        };
        r.other = Some(shown);
        r.layout = Layout::compute(key, &r.comparison, &r.groups, &self.old, &self.new);
        r.changes = change_starts(&r.layout, &r.groups, r.comparison.by_claims.is_some());
        if !self.search.query.is_empty() {
            self.search.hits = find_hits(r, &self.old, &self.new, &self.search.query);
        }
        // Where the sentence starts above the top, the top stays as far
        // into it, within the rows that show it now.
        let top = self.top;
        self.top = anchor
            .and_then(|(unit, row)| {
                let to = r.layout.rows_of_unit(r.drawn(&self.old, &self.new), unit)?;
                Some((to.start + top).saturating_sub(row).min(to.end - 1))
            })
            .unwrap_or(0);
        let by_claims = r.comparison.by_claims;
        let offered = r.other.as_ref().and_then(|o| o.comparison.by_claims);
        self.clamp();
        self.message = Some(match (by_claims, offered) {
            (Some(b), _) => format!(
                "by claims: {} shared, partners beside the old sentences (a: in order)",
                b.shared_claims
            ),
            // The status line offers them already: "N shared claims (a: by claims)".
            (None, Some(b)) if b.shared_claims > 0 => "in order".to_string(),
            (None, _) => "in order (a: by claims)".to_string(),
        });
    }

    /// Rows available for content.
    pub fn content_height(&self) -> u16 {
        self.size.1.saturating_sub(HEADER_ROWS + STATUS_ROWS)
    }

    /// Text columns per pane for the current size and mode.
    pub fn text_width(&self) -> u16 {
        let w = self.size.0.saturating_sub(1); // the overview strip
        if self.inline {
            w.saturating_sub(2).max(1)
        } else {
            (w.saturating_sub(1) / 2).saturating_sub(2).max(1)
        }
    }

    /// The settings remembered for this pair between runs.
    pub fn view_state(&self) -> ViewState {
        ViewState {
            inline: self.inline,
            wrap: self.wrap,
            fold_boilerplate: self.fold_furniture,
            fold_unchanged: self.fold_unchanged,
            tab: 0,
        }
    }

    /// Applies remembered settings (the layout follows when ready).
    pub fn apply_view(&mut self, v: ViewState) {
        self.inline = v.inline;
        self.wrap = v.wrap;
        self.fold_furniture = v.fold_boilerplate;
        self.fold_unchanged = v.fold_unchanged;
        self.relayout();
    }

    pub fn layout_key(&self) -> LayoutKey {
        LayoutKey {
            width: self.text_width(),
            inline: self.inline,
            wrap: self.wrap,
            fold_furniture: self.fold_furniture,
            fold_unchanged: self.fold_unchanged,
            filter: self.filter,
        }
    }

    /// Whether the terminal is under the view's minimum: the view shows
    /// "too small", and only `q` acts.
    pub fn too_small(&self) -> bool {
        super::view::below(self.size, (MIN_WIDTH, MIN_HEIGHT))
    }

    /// Lays out again when size or mode changed, keeping the top passage in view.
    fn relayout(&mut self) {
        let key = self.layout_key();
        let Some(r) = self.ready.as_mut() else { return };
        if r.layout.key == key {
            return;
        }
        let top_group = first_group(
            &r.layout.items[r
                .layout
                .item_at(self.top)
                .min(r.layout.items.len().saturating_sub(1))],
        );
        r.layout = Layout::compute(key, &r.comparison, &r.groups, &self.old, &self.new);
        r.changes = change_starts(&r.layout, &r.groups, r.comparison.by_claims.is_some());
        if !self.search.query.is_empty() {
            self.search.hits = find_hits(r, &self.old, &self.new, &self.search.query);
        }
        self.top = r
            .layout
            .item_of_group(top_group)
            .map(|i| r.layout.starts[i])
            .unwrap_or(0);
        self.clamp();
    }

    fn max_top(&self) -> u64 {
        let total = self.ready.as_ref().map_or(0, |r| r.layout.total_rows());
        total.saturating_sub(self.content_height() as u64)
    }

    fn clamp(&mut self) {
        self.top = self.top.min(self.max_top());
    }

    fn scroll(&mut self, delta: i64) {
        self.top = if delta < 0 {
            self.top.saturating_sub(delta.unsigned_abs())
        } else {
            self.top.saturating_add(delta as u64)
        };
        self.clamp();
    }

    /// Puts item `i` at the top, with a row of context above it.
    fn show_item(&mut self, i: usize) {
        if let Some(r) = &self.ready {
            self.top = r.layout.starts[i].saturating_sub(1);
            self.clamp();
        }
    }

    /// The item at the top of the screen.
    pub fn top_item(&self) -> Option<usize> {
        self.ready.as_ref().map(|r| r.layout.item_at(self.top))
    }

    /// The item whose first row is just below the context row counts as
    /// current, unless the screen has not moved since the last jump.
    fn current_item(&self, r: &Ready) -> usize {
        match self.jumped {
            Some((top, item)) if top == self.top => item,
            _ => r.layout.item_at(self.top + 1),
        }
    }

    fn jump(&mut self, targets: &[usize], forward: bool, what: &str) {
        self.jump_from(targets, forward, false, what)
    }

    /// `jump`; with `here`, a target at the current item counts (a new
    /// search shows a hit on screen rather than the next one).
    fn jump_from(&mut self, targets: &[usize], forward: bool, here: bool, what: &str) {
        let Some(r) = &self.ready else { return };
        let current = self.current_item(r);
        let next = if forward {
            targets
                .iter()
                .copied()
                .find(|&t| t > current || (here && t == current))
        } else {
            targets.iter().rev().copied().find(|&t| t < current)
        };
        match next {
            Some(t) => {
                let k = targets.iter().position(|&x| x == t).unwrap_or(0) + 1;
                self.show_item(t);
                self.jumped = Some((self.top, t));
                self.message = Some(format!("{what} {k} of {}", targets.len()));
            }
            None if targets.is_empty() => self.message = Some(format!("no {what}s")),
            None => {
                self.message = Some(format!(
                    "no {} {what}s",
                    if forward { "more" } else { "earlier" }
                ))
            }
        }
    }

    /// Jumps to the other end of the first moved passage on screen.
    fn other_end(&mut self) {
        let Some(r) = &self.ready else { return };
        let h = self.content_height() as u64;
        let first = r.layout.item_at(self.top);
        let last = r.layout.item_at(self.top + h.saturating_sub(1));
        let wanted = if self.focus == Side::New {
            GroupKind::MovedTo
        } else {
            GroupKind::MovedFrom
        };
        let on_screen: Vec<usize> = (first..=last.min(r.layout.items.len().saturating_sub(1)))
            .filter_map(|i| match r.layout.items[i] {
                Item::Group(g) if r.groups[g].peer.is_some() => Some(g),
                _ => None,
            })
            .collect();
        let pick = on_screen
            .iter()
            .copied()
            .find(|&g| r.groups[g].kind == wanted)
            .or(on_screen.first().copied());
        match pick.and_then(|g| r.groups[g].peer) {
            Some(peer) => {
                if let Some(item) = r.layout.item_of_group(peer) {
                    self.show_item(item);
                    self.message =
                        Some("other end of the moved passage (% again to go back)".into());
                }
            }
            None => self.message = Some("no moved passage on screen".into()),
        }
    }

    fn submit_search(&mut self, query: String) {
        self.search.query = query.to_lowercase();
        let Some(r) = &self.ready else { return };
        self.search.hits = if self.search.query.is_empty() {
            Vec::new()
        } else {
            find_hits(r, &self.old, &self.new, &self.search.query)
        };
        self.search.at = None;
        if self.search.hits.is_empty() {
            self.message = Some(format!("“{query}”: not found"));
        } else {
            self.jump_hit(true, true);
        }
    }

    /// `n`/`N` with a search: the next or previous occurrence. While the
    /// screen stays where the last hit left it, the count steps on from that
    /// hit (the next may stand in the same row); else from the row on top
    /// (`here`: a hit in that row counts, as a new search shows it).
    fn jump_hit(&mut self, forward: bool, here: bool) {
        let Some(r) = &self.ready else { return };
        let hits = &self.search.hits;
        let stayed = self
            .search
            .at
            .filter(|&(k, top)| top == self.top && self.jumped == Some((top, hits[k])));
        let next = match stayed {
            Some((k, _)) if forward => (k + 1 < hits.len()).then_some(k + 1),
            Some((k, _)) => k.checked_sub(1),
            None => {
                let current = r.layout.item_at(self.top + 1);
                if forward {
                    hits.iter()
                        .position(|&t| t > current || (here && t == current))
                } else {
                    hits.iter().rposition(|&t| t < current)
                }
            }
        };
        let Some(k) = next else {
            self.message = Some(match (hits.is_empty(), forward) {
                (true, _) => "no hits".to_string(),
                (false, true) => "no more hits".to_string(),
                (false, false) => "no earlier hits".to_string(),
            });
            return;
        };
        let (item, total) = (hits[k], hits.len());
        self.show_item(item);
        self.jumped = Some((self.top, item));
        self.search.at = Some((k, self.top));
        self.message = Some(format!("hit {} of {total}", k + 1));
    }

    /// Applies an action; the only place state changes.
    pub fn update(&mut self, action: Action) {
        if self.admit(action) {
            self.apply(action);
            self.relayout();
        }
    }

    /// Whether `action` reaches the view now: until the alignment is ready
    /// keys wait for it (quitting and help act at once), and while help is
    /// open only help and quit close it (scrolling keys scroll it). Clears the message and the last
    /// jump's mark unless the action keeps them.
    fn admit(&mut self, action: Action) -> bool {
        if self.ready.is_none() && !matches!(action, Action::Quit | Action::Help) {
            self.queued.push(action);
            return false;
        }
        if action != Action::Search {
            self.message = None;
        }
        if !is_jump(action) {
            // Anything else may move the screen or lay it out anew.
            self.jumped = None;
        }
        if self.help {
            (self.help, self.help_top) = crate::tui::view::help_key(
                self.help_top,
                action,
                self.size,
                || self.help_lines(),
                HELP_TITLE,
            );
            return false;
        }
        true
    }

    /// What help lists: the keys, then what the marks mean.
    pub fn help_lines(&self) -> Vec<(String, &'static str)> {
        self.config.keymap.help_lines_with(&MARKERS)
    }

    fn apply(&mut self, action: Action) {
        let page = self.content_height().saturating_sub(2).max(1) as i64;
        match action {
            Action::ScrollDown => self.scroll(1),
            Action::ScrollUp => self.scroll(-1),
            Action::PageDown => self.scroll(page),
            Action::PageUp => self.scroll(-page),
            Action::HalfPageDown => self.scroll(page / 2),
            Action::HalfPageUp => self.scroll(-(page / 2)),
            Action::Top => self.top = 0,
            Action::Bottom => self.top = self.max_top(),
            Action::NextChange
            | Action::PrevChange
            | Action::NextHit
            | Action::PrevHit
            | Action::NextFact
            | Action::PrevFact => self.jump_by(action),
            Action::Search => self.search.input = Some(String::new()),
            Action::OtherEnd => self.other_end(),
            Action::Focus => self.focus = self.focus.other(),
            Action::Swap => self.swapped = !self.swapped,
            Action::Inline => self.inline = !self.inline,
            Action::Wrap => self.wrap = !self.wrap,
            Action::FoldBoilerplate => self.fold_furniture = !self.fold_furniture,
            Action::FoldUnchanged => self.fold_unchanged = !self.fold_unchanged,
            Action::ByClaims => self.switch_alignment(),
            Action::ClassFilter => {
                self.filter = self.filter.next();
                self.message = Some(format!(
                    "showing {} — e for the next view",
                    self.filter.label()
                ));
            }
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            Action::CycleOld | Action::CycleNew => {
                self.message =
                    Some("switching articles works in a story (three or more articles)".into())
            }
            Action::NextTab
            | Action::Left
            | Action::Right
            | Action::Open
            | Action::Mark
            | Action::MarkArticle
            | Action::Columns => {}
        }
    }

    /// `]c`/`[c`, `n`/`N` and `]f`/`[f`: the next or previous change, search
    /// hit (a change while nothing is searched) or fact change.
    fn jump_by(&mut self, action: Action) {
        let forward = matches!(
            action,
            Action::NextChange | Action::NextHit | Action::NextFact
        );
        let (targets, what) = match action {
            Action::NextFact | Action::PrevFact => (
                self.ready
                    .as_ref()
                    .map(|r| filter::fact_items(&r.layout, &r.groups, &r.comparison))
                    .unwrap_or_default(),
                "fact change",
            ),
            Action::NextHit | Action::PrevHit if !self.search.query.is_empty() => {
                return self.jump_hit(forward, false);
            }
            _ => {
                let by_claims = self
                    .ready
                    .as_ref()
                    .is_some_and(|r| r.comparison.by_claims.is_some());
                if self.read_on(forward) {
                    return;
                }
                let changes = self
                    .ready
                    .as_ref()
                    .map(|r| r.changes.clone())
                    .unwrap_or_default();
                (changes, if by_claims { "pair" } else { "change" })
            }
        };
        self.jump(&targets, forward, what);
    }

    /// `]c`/`[c` within a change that runs on past the screen (see
    /// `changes::read_on`); `false` when the plain jump applies.
    fn read_on(&mut self, forward: bool) -> bool {
        let Some(r) = &self.ready else { return false };
        let by_claims = r.comparison.by_claims.is_some();
        let at = Screen {
            top: self.top,
            height: u64::from(self.content_height()),
            current: self.current_item(r),
        };
        let Some(ReadOn { top, item, run }) =
            read_on(&r.layout, &r.groups, &r.changes, at, forward, by_claims)
        else {
            return false;
        };
        // The rows of the change on screen once there, counted in it.
        let height = at.height;
        let (first, end) = (r.layout.starts[run.start], r.layout.starts[run.end]);
        let top_after = top.min(r.layout.total_rows().saturating_sub(height));
        let from = top_after.clamp(first, end - 1) - first + 1;
        let to = (top_after + height).clamp(first + 1, end) - first;
        let q = end - first;
        self.message = Some(if by_claims {
            let none = if forward {
                "no more pairs"
            } else {
                "no earlier pairs"
            };
            format!(
                "{none} · the rest: rows {from}–{to} of {q}{short}{none} · {from}–{to}/{q}",
                short = crate::tui::view::SHORTER
            )
        } else {
            let k = r.changes.iter().filter(|&&t| t <= item).count().max(1);
            let n = r.changes.len();
            format!(
                "change {k} of {n} · its rows {from}–{to} of {q}{short}change {k}/{n} · {from}–{to}/{q}",
                short = crate::tui::view::SHORTER
            )
        });
        self.top = top;
        self.clamp();
        self.jumped = None;
        true
    }

    /// Esc with a search's hits marked clears the search, as in `less`
    /// (the next Esc goes back or quits); `false` when there was none.
    pub fn clear_search(&mut self) -> bool {
        if self.search.query.is_empty() {
            return false;
        }
        self.search = Search::default();
        self.message = Some("search cleared".into());
        true
    }

    /// A key typed into the open search prompt.
    pub fn search_input(&mut self, edit: SearchEdit) {
        let Some(input) = self.search.input.as_mut() else {
            return;
        };
        match edit {
            SearchEdit::Char(c) => input.push(c),
            SearchEdit::Backspace => {
                input.pop();
            }
            SearchEdit::Cancel => self.search.input = None,
            SearchEdit::Submit => {
                let q = self.search.input.take().unwrap_or_default();
                self.submit_search(q);
            }
        }
    }

    /// Scrolls to the passage holding byte `at` of one side's text.
    pub fn show_offset(&mut self, side: Side, at: usize) {
        let Some(r) = &self.ready else { return };
        let units = r.comparison.units(side);
        let Some(u) = units
            .iter()
            .position(|u| u.span.start <= at && at < u.span.end.max(u.span.start + 1))
        else {
            return;
        };
        let group = r.groups.iter().position(|g| g.units(side).contains(&u));
        let Some(item) = group.and_then(|g| r.layout.item_of_group(g)) else {
            return;
        };
        // A passage the first screen shows whole is shown from the top:
        // scrolling (as far as the end allows) would cut the title off.
        let on_first_screen = r.layout.starts[item + 1] <= u64::from(self.content_height());
        if on_first_screen {
            self.top = 0;
        } else {
            self.show_item(item);
        }
    }

    /// A new terminal size.
    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        self.relayout();
        self.clamp();
    }

    /// Scrolls so that the fraction `f` (0..1) of the document is on top
    /// (a click on the overview strip).
    pub fn jump_to_fraction(&mut self, f: f64) {
        let total = self.ready.as_ref().map_or(0, |r| r.layout.total_rows());
        self.top = ((total as f64) * f.clamp(0.0, 1.0)) as u64;
        self.clamp();
    }

    pub fn scroll_by(&mut self, rows: i64) {
        self.scroll(rows);
    }

    /// The article shown in the left or right pane.
    pub fn pane_side(&self, right: bool) -> Side {
        match (right, self.swapped) {
            (false, false) | (true, true) => Side::Old,
            _ => Side::New,
        }
    }

    pub fn article(&self, side: Side) -> &Article {
        match side {
            Side::Old => &self.old,
            Side::New => &self.new,
        }
    }
}

/// Edits to the search prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchEdit {
    Char(char),
    Backspace,
    Submit,
    Cancel,
}

fn first_group(item: &Item) -> usize {
    match item {
        Item::Group(g) => *g,
        Item::Fold { groups, .. } => groups.start,
    }
}

/// Items whose text (either side) contains `query` (lower case).
fn find_hits(r: &Ready, old: &Article, new: &Article, query: &str) -> Vec<usize> {
    let c = &r.comparison;
    // Occurrences in a side's sentences (not overlapping), old pane first.
    let count = |a: &Article, side: Side, range: std::ops::Range<usize>| -> usize {
        range
            .map(|u| {
                a.text[c.units(side)[u].span.range()]
                    .to_lowercase()
                    .matches(query)
                    .count()
            })
            .sum()
    };
    let mut hits = Vec::new();
    for (i, item) in r.layout.items.iter().enumerate() {
        let groups = match item {
            Item::Group(g) => *g..*g + 1,
            Item::Fold { groups, .. } => groups.clone(),
        };
        let n: usize = groups
            .map(|g| {
                let gr = &r.groups[g];
                count(old, Side::Old, gr.old.clone()) + count(new, Side::New, gr.new.clone())
            })
            .sum();
        hits.extend(std::iter::repeat_n(i, n));
    }
    hits
}

/// The actions that move between changes, hits or fact changes, which keep
/// the last jump's mark.
fn is_jump(action: Action) -> bool {
    matches!(
        action,
        Action::NextChange
            | Action::PrevChange
            | Action::NextFact
            | Action::PrevFact
            | Action::NextHit
            | Action::PrevHit
    )
}
