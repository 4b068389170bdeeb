declare_rule! {
    /// ### What it does
    /// Reports input beyond the loader's limits: a file over 4 MiB, nesting
    /// deeper than 32 levels, a value over 4 KiB (64 KiB for a
    /// `description` or `summary`), a key over 256 bytes, more than 1000
    /// levels in a track, 64 tracks, 256 zones or 250,000 values in the file,
    /// and more than 1000 findings (the rest of the file is then not
    /// checked). Services can change the limits through `dualtrack::Limits`;
    /// nesting stays capped at 1000 levels, where no stack can overflow.
    ///
    /// ### Why is this bad?
    /// No real ladder comes near these sizes; a file that does is a mistake or
    /// an attack, and is refused before it can cost time or memory.
    ///
    /// ### Example
    /// ```yaml
    /// summary: "...five thousand characters..."
    /// ```
    /// Use instead:
    /// ```yaml
    /// summary: Leads the design of systems that span several teams.
    /// ```
    LIMIT, "limit", Error, Invariant, "the input exceeds a size or depth limit"
}

/// What went past a limit of [`Limits`](crate::Limits). Every `limit`
/// finding is worded here, from the limit and the place.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Exceeded<'a> {
    /// A file of `len` bytes (reading stops one past the limit).
    File {
        len: usize,
        max: usize,
        kind: &'static str,
    },
    /// More values than [`Limits::max_nodes`](crate::Limits::max_nodes).
    Nodes { max: usize },
    /// Nesting deeper than [`Limits::max_depth`](crate::Limits::max_depth).
    Depth { max: usize },
    /// A key longer than [`Limits::max_key_bytes`](crate::Limits::max_key_bytes).
    Key { len: usize, max: usize },
    /// A scalar longer than its limit.
    Value { len: usize, max: usize },
    /// A list of `what` longer than its limit.
    List { what: &'a str, max: usize },
    /// More findings than [`Limits::max_findings`](crate::Limits::max_findings).
    Findings { max: usize },
}

impl Exceeded<'_> {
    /// The `limit` finding at `path`.
    pub(crate) fn finding(self, path: crate::Pointer) -> crate::finding::Finding {
        let (message, help) = match self {
            Self::File { len, max, kind } => (
                format!("the file is larger than the limit of {max} bytes"),
                match kind {
                    "ratings" => "a ratings file is a few hundred bytes".to_owned(),
                    _ if len > max.saturating_add(1) => {
                        format!("it has {len} bytes; a ladder file is a few kilobytes")
                    }
                    _ => "a ladder file is a few kilobytes; the rest was not read".to_owned(),
                },
            ),
            Self::Nodes { max } => (
                format!("more than {max} values in one file"),
                "a ladder file needs a few thousand values; split it, or raise the limit through the library's `Limits`".to_owned(),
            ),
            Self::Depth { max } => (
                format!("nesting deeper than {max} levels"),
                "a ladder file needs only a few levels of nesting; flatten the structure".to_owned(),
            ),
            Self::Key { len, max } => (
                format!("a key of {len} bytes, over the limit of {max}"),
                "keys in a ladder file are plain names such as `band`".to_owned(),
            ),
            Self::Value { len, max } => (
                format!("a value of {len} bytes, over the limit of {max}"),
                "shorten it".to_owned(),
            ),
            Self::List { what, max } => (
                format!("more than {max} {what} in one list"),
                if what == "levels" {
                    "split the track, or raise the limit through the library's `Limits`"
                } else {
                    "a ladder needs far fewer; raise the limit through the library's `Limits` if this one really needs more"
                }
                .to_owned(),
            ),
            Self::Findings { max } => (
                format!("more than {max} findings in one file"),
                "the rest of the file was not checked; fix these first, or raise the limit through the library's `Limits`".to_owned(),
            ),
        };
        crate::finding::Finding::new(&LIMIT, path, message).with_help(help)
    }
}
