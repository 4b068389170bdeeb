//! The ladder file's structure: the ladder, its competencies, tracks,
//! levels and policy.

use super::*;

impl Decoder<'_> {
    pub(super) fn ladder(&mut self, node: &Node) -> Option<LadderSpec> {
        let root = Path::Root;
        let f = self.fields::<LadderSpec>(node, &root, "the ladder")?;
        let version = self.required(&f, "schema_version", |d, n, p| {
            let version = d.integer(n, p, "the schema version `1`")?;
            if version != 1 {
                d.push(
                    Finding::new(
                        &reading::TYPE,
                        p.pointer(),
                        format!("unsupported schema_version `{version}`"),
                    )
                    .with_help("this version of dualtrack reads `schema_version: 1`"),
                );
                return None;
            }
            Some(())
        });
        // A key with a finding is poisoned and left empty; the rules stay
        // silent about it and check the rest.
        let id = self.part("id", |d| d.required(&f, "id", Self::short_text));
        let name = self.part("name", |d| d.required(&f, "name", Self::short_text));
        let description = self.part("description", |d| {
            d.optional(&f, "description", Self::long_text)
        });
        // Optional in a ladder that publishes no pay; required, below, as
        // soon as a band or a zone needs them.
        let currency = self.part("currency", |d| d.optional(&f, "currency", Self::short_text));
        let pay_period = self.part("pay_period", |d| {
            d.optional(&f, "pay_period", |d, n, p| {
                d.choice(n, p, "a pay period", PayPeriod::ALL)
            })
        });
        // Read before the levels, whose grades are labels when it is there,
        // or misspelt (`grade:` at the top): then the `unknown-key` finding
        // is the one finding, not one per level.
        let misspelt = Pointer::root().key("grades");
        self.scaled = f.get("grades").is_some() || self.poisoned.contains(&misspelt);
        let grades = self.part("grades", |d| d.optional(&f, "grades", Self::grades));
        let competencies = self.part("competencies", |d| {
            d.required(&f, "competencies", |d, n, p| {
                d.list(n, p, "competencies", None, Self::competency)
            })
        });
        let proficiency_scale = self.part("proficiency_scale", |d| {
            d.optional(&f, "proficiency_scale", Self::scale)
        });
        if let Some((node, _)) = f.get("proficiency_scale") {
            self.scale = scale_hint(node, proficiency_scale.as_ref());
        }
        let max_tracks = self.limits.max_tracks;
        let tracks = self.part("tracks", |d| {
            d.required(&f, "tracks", |d, n, p| {
                d.list(n, p, "tracks", Some(max_tracks), Self::track)
            })
        });
        let max_zones = self.limits.max_zones;
        let zones = self.part("zones", |d| {
            d.optional(&f, "zones", |d, n, p| {
                d.list(n, p, "zones", Some(max_zones), Self::zone)
            })
        });
        let policy = self.part("policy", |d| d.optional(&f, "policy", Self::policy));
        let effective_date = self.part("effective_date", |d| {
            d.optional(&f, "effective_date", Self::date)
        });
        let tracks = tracks.unwrap_or_default();
        let zones = zones.unwrap_or_default();
        // The first band, or else the first zone, that needs them.
        let first_band = tracks.iter().enumerate().find_map(|(t, track)| {
            let l = track.levels.iter().position(|l| l.band.is_some())?;
            Some(
                Pointer::root()
                    .key("tracks")
                    .index(t)
                    .key("levels")
                    .index(l)
                    .key("band"),
            )
        });
        // Else the first fixed variable amount or equity band, on a track or
        // a level.
        let first_extra = || {
            tracks.iter().enumerate().find_map(|(t, track)| {
                let at = Pointer::root().key("tracks").index(t);
                let extra = |variable: &Option<VariableSpec>, equity: &Option<EquitySpec>| {
                    if variable.is_some_and(|v| v.amount.is_some()) {
                        Some("variable")
                    } else {
                        equity.is_some().then_some("equity")
                    }
                };
                if let Some(key) = extra(&track.variable, &track.equity) {
                    return Some(at.key(key));
                }
                track.levels.iter().enumerate().find_map(|(l, level)| {
                    let key = extra(&level.variable, &level.equity)?;
                    Some(at.clone().key("levels").index(l).key(key))
                })
            })
        };
        let needed_by = match first_band {
            Some(band) => Some((band, "a band is paid in the ladder's currency")),
            None if first_extra().is_some() => first_extra().map(|at| {
                (
                    at,
                    "an amount of pay beyond base is paid in the ladder's currency",
                )
            }),
            None if !zones.is_empty() => Some((
                Pointer::root().key("zones").index(0),
                "a zone converts the ladder's bands",
            )),
            None => None,
        };
        if let Some((at, why)) = needed_by {
            let needs = [
                (
                    "currency",
                    "currency: USD",
                    "the currency its bands are paid in",
                ),
                (
                    "pay_period",
                    "pay_period: annual",
                    "how often they are paid",
                ),
            ];
            for (key, example, what) in needs {
                self.paid_needs(&f, key, example, what, (&at, why));
            }
        }
        version?;
        Some(LadderSpec {
            schema_version: 1,
            id: id.unwrap_or_default(),
            name: name.unwrap_or_default(),
            description,
            currency,
            pay_period,
            grades,
            competencies: competencies.unwrap_or_default(),
            proficiency_scale,
            tracks,
            zones,
            policy: policy.unwrap_or_default(),
            effective_date,
        })
    }

    /// Reports a top-level key that a ladder publishing pay (a band, a zone)
    /// must give, when it is missing, and leaves it out of the checks.
    pub(super) fn paid_needs(
        &mut self,
        f: &Fields<'_, '_>,
        key: &'static str,
        example: &str,
        what: &str,
        (needed_at, why): (&Pointer, &str),
    ) {
        if f.get(key).is_some() {
            return;
        }
        self.part(key, |d| {
            d.push(
                Finding::new(
                    &reading::MISSING_KEY,
                    Pointer::root(),
                    format!("the ladder is missing `{key}`"),
                )
                .with_related(needed_at.clone(), why)
                .with_help(format!(
                    "add `{example}` ({what}); only a ladder that publishes no pay (no `band`, no `zones`) may leave it out"
                )),
            );
        });
    }

    pub(super) fn competency(&mut self, node: &Node, pointer: &Path<'_>) -> Option<CompetencySpec> {
        let f = self.fields::<CompetencySpec>(node, pointer, "a competency")?;
        let id = self.required(&f, "id", Self::short_text);
        let name = self.required(&f, "name", Self::short_text);
        let kind = self.required(&f, "kind", |d, n, p| {
            d.choice(n, p, "a competency kind", CompetencyKind::ALL)
        });
        let group = self.optional(&f, "group", Self::short_text);
        let tracks = match f.get("tracks") {
            Some((node, pointer)) => self.texts(node, &pointer, "track ids", false).map(Some),
            None => Some(None),
        };
        let description = self.optional(&f, "description", Self::long_text);
        Some(CompetencySpec {
            id: id?,
            name: name?,
            kind: kind?,
            group,
            tracks: tracks?,
            description,
        })
    }

    pub(super) fn track(&mut self, node: &Node, pointer: &Path<'_>) -> Option<TrackSpec> {
        let f = self.fields::<TrackSpec>(node, pointer, "a track")?;
        let id = self.required(&f, "id", Self::short_text);
        let name = self.required(&f, "name", Self::short_text);
        let kind = self.required(&f, "kind", |d, n, p| {
            d.choice(n, p, "a track kind", TrackKind::ALL)
        });
        let description = self.optional(&f, "description", Self::long_text);
        let max = self.limits.max_levels_per_track;
        let levels = self.required(&f, "levels", |d, n, p| {
            d.list(n, p, "levels", Some(max), Self::level)
        });
        let variable = self.optional(&f, "variable", Self::variable);
        let equity = self.optional(&f, "equity", Self::equity);
        let variable_sound = f.get("variable").is_none() || variable.is_some();
        let equity_sound = f.get("equity").is_none() || equity.is_some();
        if !(variable_sound && equity_sound) {
            return None;
        }
        Some(TrackSpec {
            id: id?,
            name: name?,
            kind: kind?,
            description,
            levels: levels?,
            variable,
            equity,
        })
    }

    pub(super) fn level(&mut self, node: &Node, pointer: &Path<'_>) -> Option<LevelSpec> {
        let f = self.fields::<LevelSpec>(node, pointer, "a level")?;
        let id = self.required(&f, "id", Self::short_text);
        let title = self.required(&f, "title", Self::short_text);
        let grade = self.required(&f, "grade", Self::grade);
        let summary = self.optional(&f, "summary", Self::long_text);
        let executive = self.optional(&f, "executive", Self::boolean);
        let band = self.optional(&f, "band", Self::pay);
        let expectations = self
            .optional(&f, "expectations", Self::expectations)
            .unwrap_or_default();
        let entry_criteria = match f.get("entry_criteria") {
            Some((node, pointer)) => self.texts(node, &pointer, "entry criteria", true),
            None => Some(Vec::new()),
        };
        let variable = self.optional(&f, "variable", Self::variable);
        let equity = self.optional(&f, "equity", Self::equity);
        Some(LevelSpec {
            id: id?,
            title: title?,
            grade: grade?,
            summary,
            executive: executive.unwrap_or(false),
            band,
            expectations,
            entry_criteria: entry_criteria?,
            variable,
            equity,
        })
    }

    pub(super) fn policy(&mut self, node: &Node, pointer: &Path<'_>) -> Option<PolicySpec> {
        let f = self.fields::<PolicySpec>(node, pointer, "the policy")?;
        Some(PolicySpec {
            parity: self.optional(&f, "parity", Self::parity),
            spread: self.optional(&f, "spread", |d, n, p| {
                d.percent_range(n, p, "the spread policy")
            }),
            progression: self.optional(&f, "progression", |d, n, p| {
                d.percent_range(n, p, "the progression policy")
            }),
            overlap: self.optional(&f, "overlap", |d, n, p| {
                let f = d.fields::<OverlapSpec>(n, p, "the overlap policy")?;
                Some(OverlapSpec {
                    max: d.optional(&f, "max", Self::percent),
                })
            }),
        })
    }

    pub(super) fn parity(&mut self, node: &Node, pointer: &Path<'_>) -> Option<ParitySpec> {
        let f = self.fields::<ParitySpec>(node, pointer, "the parity policy")?;
        Some(ParitySpec {
            mode: self.optional(&f, "mode", |d, n, p| {
                d.choice(n, p, "a parity mode", ParityMode::ALL)
            }),
            from_grade: self.optional(&f, "from_grade", Self::grade),
            tolerance: self.optional(&f, "tolerance", Self::percent),
        })
    }

    pub(super) fn percent_range(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
        what: &'static str,
    ) -> Option<PercentRangeSpec> {
        let f = self.fields::<PercentRangeSpec>(node, pointer, what)?;
        Some(PercentRangeSpec {
            min: self.optional(&f, "min", Self::percent),
            max: self.optional(&f, "max", Self::percent),
        })
    }
}
