//! Where a salary falls: in which bands, at what compa-ratio and range
//! penetration. Exact, and allocation-free.

use crate::{Band, Ladder, Level, Money, Ratio, Track, Zone};

/// Where a salary sits relative to a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Placement {
    /// Under the band's minimum.
    Below,
    /// From the minimum to the maximum, both included.
    Within,
    /// Over the band's maximum.
    Above,
}

impl Placement {
    /// The name used in output: `below`, `within` or `above`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Below => "below",
            Self::Within => "within",
            Self::Above => "above",
        }
    }
}

/// A salary's position in a band, exactly.
///
/// ```
/// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
/// use dualtrack::{Money, Placement};
///
/// let band = ladder.level("ic6").unwrap().band().unwrap(); // 250000 / 295000 / 340000 USD
/// let salary = Money::from_decimal("310000".parse()?, ladder.currency().unwrap()).unwrap();
/// let position = band.position(salary).unwrap();
/// assert_eq!(position.placement(), Placement::Within);
/// assert_eq!(position.compa_ratio().unwrap().to_string(), "1.0508");
/// assert_eq!(position.range_penetration().unwrap().percent().to_string(), "66.67%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SalaryPosition {
    salary: Money,
    band: Band,
    placement: Placement,
    /// How far outside the band: below the minimum or above the maximum.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    outside_by: Option<Money>,
    compa_ratio: Option<Ratio>,
    range_penetration: Option<Ratio>,
}

/// Reads what it serializes: the salary and the band, with the placement,
/// `outside_by`, compa-ratio and range penetration they give, refused when
/// those disagree with them.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for SalaryPosition {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wire {
            salary: Money,
            band: Band,
            placement: Placement,
            outside_by: Option<Money>,
            compa_ratio: Option<Ratio>,
            range_penetration: Option<Ratio>,
        }
        let wire = Wire::deserialize(deserializer)?;
        let position = wire.band.position(wire.salary).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "salary {} is not in the band's currency {}",
                wire.salary,
                wire.band.min().currency()
            ))
        })?;
        let given = (
            wire.placement,
            wire.outside_by,
            wire.compa_ratio,
            wire.range_penetration,
        );
        let computed = (
            position.placement,
            position.outside_by,
            position.compa_ratio,
            position.range_penetration,
        );
        if given != computed {
            return Err(serde::de::Error::custom(format!(
                "the placement, `outside_by`, `compa_ratio` and `range_penetration` given are not \
                 those of salary {} in band {}",
                wire.salary, wire.band
            )));
        }
        Ok(position)
    }
}

impl SalaryPosition {
    /// The salary placed.
    pub fn salary(&self) -> Money {
        self.salary
    }

    /// The band it was placed in.
    pub fn band(&self) -> Band {
        self.band
    }

    /// Below, within or above the band.
    pub fn placement(&self) -> Placement {
        self.placement
    }

    /// How far the salary is outside the band: below its minimum, or above
    /// its maximum; `None` within the band.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::Money;
    ///
    /// let band = ladder.level("ic1").unwrap().band().unwrap(); // 100000 to 130000 USD
    /// let low = band.position(Money::from_minor(9_000_000, ladder.currency().unwrap())).unwrap();
    /// assert_eq!(low.outside_by().unwrap().to_string(), "10000 USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outside_by(&self) -> Option<Money> {
        self.outside_by
    }

    /// Salary / midpoint; see [`Band::compa_ratio`].
    pub fn compa_ratio(&self) -> Option<Ratio> {
        self.compa_ratio
    }

    /// (salary - min) / (max - min); see [`Band::range_penetration`].
    pub fn range_penetration(&self) -> Option<Ratio> {
        self.range_penetration
    }
}

impl Band {
    /// Whether `salary` is in the band, both ends included; `false` for a
    /// salary in another currency.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::Money;
    ///
    /// let band = ladder.level("ic1").unwrap().band().unwrap(); // 100000 to 130000 USD
    /// let usd = ladder.currency().unwrap();
    /// assert!(band.contains(Money::from_minor(13_000_000, usd)));
    /// assert!(!band.contains(Money::from_minor(13_000_001, usd)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, salary: Money) -> bool {
        salary.currency() == self.min().currency()
            && (self.min().minor()..=self.max().minor()).contains(&salary.minor())
    }

    /// The compa-ratio of `salary`: salary / midpoint, exact. One at the
    /// midpoint, below one under it. `None` for a salary in another currency
    /// or a band whose midpoint is zero.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::{Money, Ratio};
    ///
    /// let band = ladder.level("ic6").unwrap().band().unwrap(); // midpoint 295000 USD
    /// let compa = band.compa_ratio(band.mid()).unwrap();
    /// assert_eq!(compa, Ratio::ONE);
    /// let compa = band.compa_ratio(Money::from_minor(25_000_000, ladder.currency().unwrap())).unwrap();
    /// assert_eq!((compa.numerator(), compa.denominator()), (50, 59));
    /// assert_eq!(compa.to_string(), "0.8475");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compa_ratio(&self, salary: Money) -> Option<Ratio> {
        if salary.currency() != self.mid().currency() {
            return None;
        }
        Ratio::new(i128::from(salary.minor()), i128::from(self.mid().minor()))
    }

    /// The range penetration of `salary`: (salary - min) / (max - min), exact.
    /// Zero at the minimum, one at the maximum, below zero or above one
    /// outside the band. `None` for a salary in another currency or a band
    /// whose minimum equals its maximum.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::Ratio;
    ///
    /// let band = ladder.level("ic1").unwrap().band().unwrap();
    /// assert_eq!(band.range_penetration(band.min()), Some(Ratio::ZERO));
    /// assert_eq!(band.range_penetration(band.max()), Some(Ratio::ONE));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn range_penetration(&self, salary: Money) -> Option<Ratio> {
        if salary.currency() != self.min().currency() {
            return None;
        }
        let min = i128::from(self.min().minor());
        Ratio::new(
            i128::from(salary.minor()) - min,
            i128::from(self.max().minor()) - min,
        )
    }

    /// Where `salary` sits in the band: placement, compa-ratio and range
    /// penetration together; `None` for a salary in another currency.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::{Money, Placement};
    ///
    /// let band = ladder.level("ic1").unwrap().band().unwrap();
    /// let low = band.position(Money::from_minor(9_000_000, ladder.currency().unwrap())).unwrap();
    /// assert_eq!(low.placement(), Placement::Below);
    /// assert!(low.range_penetration().unwrap().is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn position(&self, salary: Money) -> Option<SalaryPosition> {
        if salary.currency() != self.min().currency() {
            return None;
        }
        let (min, max) = (self.min().minor(), self.max().minor());
        let (placement, outside_by) = if salary.minor() < min {
            (Placement::Below, Some(min - salary.minor()))
        } else if salary.minor() > max {
            (Placement::Above, Some(salary.minor() - max))
        } else {
            (Placement::Within, None)
        };
        Some(SalaryPosition {
            salary,
            band: *self,
            placement,
            outside_by: outside_by.map(|minor| Money::from_minor(minor, salary.currency())),
            compa_ratio: self.compa_ratio(salary),
            range_penetration: self.range_penetration(salary),
        })
    }
}

impl Level {
    /// Its band in `zone`, or in the ladder's base currency when `zone` is
    /// `None`: exact money, with the zone's location rules applied (see
    /// [`Zone`]), or only its exchange rate when the zone exempts this level. `None` when the level publishes no band, or when the
    /// conversion overflows, which a zone of this level's ladder never does
    /// (`invalid-zone` is checked on load).
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// let ic6 = ladder.level("ic6").unwrap();
    /// let toronto = ladder.zone("toronto").unwrap();
    /// let band = ic6.band_in(Some(toronto)).unwrap();
    /// // 295000 USD x 0.85 x 1.38 CAD/USD
    /// assert_eq!(band.mid().to_string(), "346035 CAD");
    /// assert_eq!(ic6.band_in(None).as_ref(), ic6.band());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn band_in(&self, zone: Option<&Zone>) -> Option<Band> {
        let band = self.band.as_ref()?;
        match zone {
            Some(zone) if zone.exempts(&self.id) => zone.national_band(band),
            Some(zone) => zone.band(band),
            None => Some(*band),
        }
    }
}

impl Ladder {
    /// The levels whose band contains `salary`, both ends included, in track
    /// order, each with its track; bands are taken in `zone` when given (the
    /// salary is then in the zone's currency). Nothing matches a salary in
    /// another currency.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::{Currency, Money};
    ///
    /// // 175000 USD is inside the ic3 band and the bottom of the ic4 and em1 bands.
    /// let salary = Money::from_minor(17_500_000, ladder.currency().unwrap());
    /// let ids: Vec<&str> = ladder.levels_containing(salary, None).map(|(_, l)| l.id().as_str()).collect();
    /// assert_eq!(ids, ["ic3", "ic4", "em1"]);
    ///
    /// let london = ladder.zone("london");
    /// let gbp = Money::from_minor(6_320_000, Currency::from_code("GBP").unwrap());
    /// let ids: Vec<&str> = ladder.levels_containing(gbp, london).map(|(_, l)| l.id().as_str()).collect();
    /// assert_eq!(ids, ["ic1"]);
    /// assert_eq!(ladder.levels_containing(gbp, None).count(), 0, "not USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn levels_containing<'a>(
        &'a self,
        salary: Money,
        zone: Option<&'a Zone>,
    ) -> impl Iterator<Item = (&'a Track, &'a Level)> + 'a {
        self.tracks.iter().flat_map(move |track| {
            track
                .levels
                .iter()
                .filter(move |level| level.band_in(zone).is_some_and(|b| b.contains(salary)))
                .map(move |level| (track, level))
        })
    }
}

impl std::fmt::Display for Placement {
    /// Its name in output, as [`as_str`](Placement::as_str).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
