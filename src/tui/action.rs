//! What the user can ask for. Keys map to these (see `keymap`); `App::update`
//! is the only place they change state, and tests drive them directly.

/// An intent, independent of the key that produced it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextChange,
    PrevChange,
    NextHit,
    PrevHit,
    Search,
    OtherEnd,
    Focus,
    Swap,
    Inline,
    Wrap,
    FoldBoilerplate,
    FoldUnchanged,
    ByClaims,
    /// Cycle the view: all changes, fact changes only, cosmetic only.
    ClassFilter,
    NextFact,
    PrevFact,
    Help,
    Quit,
    /// Story view: the next tab (articles, quotes, coverage, wording,
    /// disagreements).
    NextTab,
    /// Story view: move the heatmap column left / right.
    Left,
    Right,
    /// Story view: open the selected pair or occurrence in the compare view.
    Open,
    /// Compare view opened from a story: show the next article in the old / new pane.
    CycleOld,
    CycleNew,
    /// History view: mark (or unmark) the selected version to compare with another.
    Mark,
    MarkArticle,
    Columns,
}

impl Action {
    /// Every action, in the order help lists them.
    pub const ALL: &'static [Action] = &[
        Action::ScrollDown,
        Action::ScrollUp,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::NextChange,
        Action::PrevChange,
        Action::NextHit,
        Action::PrevHit,
        Action::Search,
        Action::OtherEnd,
        Action::Focus,
        Action::Swap,
        Action::Inline,
        Action::Wrap,
        Action::FoldBoilerplate,
        Action::FoldUnchanged,
        Action::ByClaims,
        Action::ClassFilter,
        Action::NextFact,
        Action::PrevFact,
        Action::Help,
        Action::Quit,
        Action::NextTab,
        Action::Left,
        Action::Right,
        Action::Open,
        Action::CycleOld,
        Action::CycleNew,
        Action::Mark,
        Action::MarkArticle,
        Action::Columns,
    ];

    /// The name used in the config file's `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Action::ScrollDown => "scroll_down",
            Action::ScrollUp => "scroll_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextChange => "next_change",
            Action::PrevChange => "prev_change",
            Action::NextHit => "next_hit",
            Action::PrevHit => "prev_hit",
            Action::Search => "search",
            Action::OtherEnd => "other_end",
            Action::Focus => "focus",
            Action::Swap => "swap_sides",
            Action::Inline => "inline",
            Action::Wrap => "wrap",
            Action::FoldBoilerplate => "fold_boilerplate",
            Action::FoldUnchanged => "fold_unchanged",
            Action::ByClaims => "by_claims",
            Action::ClassFilter => "class_filter",
            Action::NextFact => "next_fact",
            Action::PrevFact => "prev_fact",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::NextTab => "next_tab",
            Action::Left => "left",
            Action::Right => "right",
            Action::Open => "open",
            Action::CycleOld => "cycle_old",
            Action::CycleNew => "cycle_new",
            Action::Mark => "mark",
            Action::MarkArticle => "mark_article",
            Action::Columns => "columns",
        }
    }

    /// One line for the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::ScrollDown => "scroll down a line",
            Action::ScrollUp => "scroll up a line",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::Top => "go to the top",
            Action::Bottom => "go to the end",
            Action::NextChange => "next change, a long one a screenful at a time (by claims: next pair)",
            Action::PrevChange => "previous change, a long one a screenful at a time (by claims: previous pair)",
            Action::NextHit => "next search hit (next change when not searching)",
            Action::PrevHit => "previous search hit (previous change)",
            Action::Search => "search both panes",
            Action::OtherEnd => "jump to the other end of a moved passage",
            Action::Focus => "switch the focused pane",
            Action::Swap => "swap the sides",
            Action::Inline => "side by side / inline",
            Action::Wrap => "wrap long lines / one line per passage",
            Action::FoldBoilerplate => "fold or unfold furniture (boilerplate, captions, teasers)",
            Action::FoldUnchanged => "fold or unfold unchanged runs",
            Action::ClassFilter => {
                "all changes / facts only / cosmetic only (# number, N name, \" quote, @ attribution, ! negation, ? hedge)"
            }
            Action::NextFact => "next fact change (number, name, quote, attribution, negation, hedge)",
            Action::PrevFact => "previous fact change",
            Action::ByClaims => {
                "pair by claims (the same fact side by side, wherever each outlet put it) / in order"
            }
            Action::Help => "this help",
            Action::Quit => "quit (or close help; back to the story from a comparison)",
            Action::NextTab => "next tab: articles, quotes, coverage, wording, disagreements",
            Action::Left => "heatmap: previous article to compare with (columns: scroll left)",
            Action::Right => "heatmap: next article to compare with (columns: scroll right)",
            Action::Open => "open the selected pair, quote or claim side by side",
            Action::CycleOld => "show the next article of the story in the old pane",
            Action::CycleNew => "show the next article of the story in the new pane",
            Action::Mark => "mark a version; Enter then compares it with the selected one",
            Action::MarkArticle => "mark the article for the column view (other tabs: page down)",
            Action::Columns => "column view: the marked articles, else the selected + next 4",
        }
    }

    /// One line for the column view's help screen.
    pub fn describe_in_columns(self) -> &'static str {
        match self {
            Action::NextChange => "next claim some columns leave out",
            Action::PrevChange => "previous claim some columns leave out",
            Action::NextHit => "next search hit (next claim some leave out when not searching)",
            Action::PrevHit => "previous search hit (previous claim some leave out)",
            Action::Search => "search the columns",
            Action::Left => "scroll the columns left",
            Action::Right => "scroll the columns right",
            Action::Quit => "back to the story (or close help)",
            other => other.describe(),
        }
    }

    /// One line for the help screen of two articles compared alone.
    pub fn describe_in_pair(self) -> &'static str {
        match self {
            Action::Quit => "quit (or close help)",
            other => other.describe(),
        }
    }

    /// One line for the pile view's help screen.
    pub fn describe_in_pile(self) -> &'static str {
        match self {
            Action::NextHit => "next story matching the search",
            Action::PrevHit => "previous story matching the search",
            Action::Search => "search the stories' labels",
            Action::Open => "open the selected story",
            Action::Quit => "quit (or close help)",
            other => other.describe(),
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}
