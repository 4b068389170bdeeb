//! Grades as the checks read them: whole numbers, or the entries of a
//! declared scale, and the default `parity.from_grade`.

use super::*;

/// A declared grade scale: each entry as a [`Grade`] whose rank is its
/// position, and each label's first position.
pub(crate) struct Scale<'s> {
    pub(crate) grades: Vec<Grade>,
    ranks: HashMap<&'s str, u32>,
}

impl<'s> Scale<'s> {
    pub(super) fn new(labels: &'s [String]) -> Self {
        let mut ranks = HashMap::with_capacity(labels.len());
        let grades = labels
            .iter()
            .zip(0u32..)
            .map(|(label, rank)| {
                ranks.entry(label.as_str()).or_insert(rank);
                Grade::labelled(rank, Arc::from(label.as_str()))
            })
            .collect();
        Self { grades, ranks }
    }

    /// The entry labelled `label` (its first, if listed twice).
    pub(crate) fn get(&self, label: &str) -> Option<&Grade> {
        let rank = *self.ranks.get(label)?;
        self.grades.get(usize::try_from(rank).ok()?)
    }

    /// Whether each label is listed once (`duplicate-grade` reports the
    /// rest): only then does a rank say how many grades lie between two.
    pub(crate) fn is_unique(&self) -> bool {
        self.ranks.len() == self.grades.len()
    }

    /// The labels, lowest first.
    pub(crate) fn labels(&self) -> impl Iterator<Item = &str> + '_ {
        self.grades.iter().filter_map(Grade::label)
    }
}

/// A grade as written, resolved: a number without a scale, the scale's
/// entry with one (`None` when it names no entry: `unknown-grade`).
pub(super) fn resolve(scale: Option<&Scale<'_>>, grade: &GradeSpec) -> Option<Grade> {
    match (scale, grade) {
        (None, GradeSpec::Number(n)) => Some(Grade::new(*n)),
        (Some(scale), GradeSpec::Label(label)) => scale.get(label).cloned(),
        _ => None,
    }
}

/// The default `parity.from_grade`: the grade of the management track's
/// third-highest non-executive level, or its lowest when it has fewer than
/// three; with several management tracks, the lowest such grade; with none,
/// the lowest grade. Executive levels are outside parity, so adding them
/// moves nothing.
pub(super) fn default_from_grade(
    spec: &LadderSpec,
    levels: &[Vec<LevelFacts>],
    scale: Option<&Scale<'_>>,
) -> Grade {
    spec.tracks
        .iter()
        .zip(levels)
        .filter(|(t, _)| t.kind == TrackKind::Management)
        .filter_map(|(t, levels)| {
            let mut grades: Vec<&Grade> = t
                .levels
                .iter()
                .zip(levels)
                .filter(|(spec, _)| !spec.executive)
                .filter_map(|(_, l)| l.grade.as_ref())
                .collect();
            grades.sort_unstable_by(|a, b| b.cmp(a));
            grades.dedup();
            grades.get(2).or(grades.last()).copied()
        })
        .min()
        .or_else(|| scale?.grades.first())
        .cloned()
        .unwrap_or(Grade::new(0))
}
