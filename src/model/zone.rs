use crate::{Band, Currency, Decimal, LevelId, Money, Percent, ZoneId};

/// A location differential, as written. A base amount becomes a zone amount
/// in four exact steps, rounded once:
///
/// 1. the supplement: `base + clamp(base x uplift, min_uplift, max_uplift)`
///    (the base alone without `uplift`; the bounds are in the base currency);
/// 2. times `factor`, and times `rate` when the zone pays in another currency;
/// 3. rounded half up to the `rounding` unit (the zone currency's minor unit
///    by default);
/// 4. no more than `cap`, in the zone currency.
///
/// Exempt levels (those listed in `exempt`, or on a track listed there) are
/// paid nationally: their zone amounts are the base amounts times `rate`,
/// rounded to the minor unit, with no supplement, factor, cap or unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    pub(crate) id: ZoneId,
    pub(crate) name: String,
    pub(crate) factor: Decimal,
    pub(crate) currency: Currency,
    pub(crate) rate: Option<Decimal>,
    pub(crate) uplift: Option<Percent>,
    pub(crate) min_uplift: Option<Money>,
    pub(crate) max_uplift: Option<Money>,
    pub(crate) cap: Option<Money>,
    pub(crate) rounding: Option<Decimal>,
    /// The level and track ids as written.
    pub(crate) exempt: Vec<String>,
    /// Every exempt level: those listed and those of the tracks listed.
    pub(crate) exempt_levels: Vec<LevelId>,
}

impl Zone {
    /// Its id.
    pub fn id(&self) -> &ZoneId {
        &self.id
    }

    /// Its display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The multiplier applied to base bands.
    pub fn factor(&self) -> Decimal {
        self.factor
    }

    /// The currency it pays in.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Units of the zone currency per unit of the base currency, when they differ.
    pub fn rate(&self) -> Option<Decimal> {
        self.rate
    }

    /// The supplement, as a share of the base amount, when it has one.
    pub fn uplift(&self) -> Option<Percent> {
        self.uplift
    }

    /// The least the supplement adds, in the base currency.
    pub fn min_uplift(&self) -> Option<Money> {
        self.min_uplift
    }

    /// The most the supplement adds, in the base currency.
    pub fn max_uplift(&self) -> Option<Money> {
        self.max_uplift
    }

    /// The most any zone amount may be, in the zone currency.
    pub fn cap(&self) -> Option<Money> {
        self.cap
    }

    /// The unit zone amounts are rounded to (half up), when it is not the
    /// currency's minor unit: `1` for whole units, `100` for hundreds.
    pub fn rounding(&self) -> Option<Decimal> {
        self.rounding
    }

    /// The ids of the levels and tracks paid nationally in this zone, as written.
    pub fn exempt(&self) -> &[String] {
        &self.exempt
    }

    /// Whether the level with this id is paid nationally in this zone (it is
    /// listed in `exempt`, or its track is).
    ///
    /// ```
    /// # let ladder = dualtrack::Loader::new().inspect_path("ladders/examples/nhs-nursing.yaml")?.into_ladder();
    /// let inner = ladder.zone("inner-london").unwrap();
    /// assert!(inner.exempts("chief-nurse"));
    /// assert!(!inner.exempts("matron"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exempts(&self, level: impl AsRef<str>) -> bool {
        let level = level.as_ref();
        self.exempt_levels.iter().any(|l| l.as_str() == level)
    }

    fn rules(&self) -> Rules {
        Rules {
            factor: self.factor,
            rate: self.rate,
            currency: self.currency,
            uplift: self.uplift,
            min_uplift: self.min_uplift,
            max_uplift: self.max_uplift,
            cap: self.cap,
            rounding: self.rounding,
        }
    }

    /// `amount` (in the base currency) as paid in this zone to a level that
    /// is not exempt; `None` on overflow.
    ///
    /// ```
    /// # let ladder = dualtrack::Loader::new().inspect_path("ladders/examples/nhs-nursing.yaml")?.into_ladder();
    /// use dualtrack::{Currency, Money};
    /// let gbp = Currency::from_code("GBP").unwrap();
    /// let inner = ladder.zone("inner-london").unwrap();
    /// // 29970 + 20% (5994, between the 5414 floor and the 8172 cap)
    /// let pay = inner.convert(Money::from_minor(2_997_000, gbp)).unwrap();
    /// assert_eq!(pay.to_string(), "35964 GBP");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn convert(&self, amount: Money) -> Option<Money> {
        self.rules().amount(amount)
    }

    /// `band` (in the base currency) as paid in this zone to a level that is
    /// not exempt; `None` on overflow.
    pub fn band(&self, band: &Band) -> Option<Band> {
        self.rules().band(band)
    }

    /// `band` (in the base currency) as paid in this zone to an exempt level:
    /// converted at `rate` only; `None` on overflow.
    pub fn national_band(&self, band: &Band) -> Option<Band> {
        Rules::national(self.rate, self.currency).band(band)
    }
}

/// How a zone turns base amounts into zone amounts (see [`Zone`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rules {
    pub(crate) factor: Decimal,
    pub(crate) rate: Option<Decimal>,
    pub(crate) currency: Currency,
    pub(crate) uplift: Option<Percent>,
    pub(crate) min_uplift: Option<Money>,
    pub(crate) max_uplift: Option<Money>,
    pub(crate) cap: Option<Money>,
    pub(crate) rounding: Option<Decimal>,
}

impl Rules {
    /// The rules of an exempt level: the rate alone.
    pub(crate) fn national(rate: Option<Decimal>, currency: Currency) -> Self {
        Self {
            factor: Decimal::ONE,
            rate,
            currency,
            uplift: None,
            min_uplift: None,
            max_uplift: None,
            cap: None,
            rounding: None,
        }
    }

    /// A band converted point by point; a spot rate stays one.
    pub(crate) fn band(&self, band: &Band) -> Option<Band> {
        if band.is_spot() {
            return self.amount(band.mid()).map(Band::spot);
        }
        Band::new(
            self.amount(band.min())?,
            self.amount(band.mid())?,
            self.amount(band.max())?,
        )
    }

    /// A base amount as paid in the zone (see [`Zone`]); `None` on overflow
    /// or with a rounding unit that is not a whole number of minor units.
    pub(crate) fn amount(&self, amount: Money) -> Option<Money> {
        let from = u32::from(amount.currency().minor_digits());
        let to = u32::from(self.currency.minor_digits());
        let base = u128::from(amount.minor());
        // 1. The supplement, in units of 10^-(from + s) of the base currency.
        let (supplemented, s) = match self.uplift {
            Some(uplift) => {
                let p = uplift.fraction();
                let s = u32::from(p.scale());
                let scale = 10u128.checked_pow(s)?;
                let mut extra = base.checked_mul(u128::from(p.mantissa()))?;
                if let Some(min) = self.min_uplift {
                    extra = extra.max(u128::from(min.minor()).checked_mul(scale)?);
                }
                if let Some(max) = self.max_uplift {
                    extra = extra.min(u128::from(max.minor()).checked_mul(scale)?);
                }
                (base.checked_mul(scale)?.checked_add(extra)?, s)
            }
            None => (base, 0),
        };
        // 2. Factor and rate, into minor units of the zone currency: n / d.
        let rate = self.rate.unwrap_or(Decimal::ONE);
        let n = supplemented
            .checked_mul(u128::from(self.factor.mantissa()))?
            .checked_mul(u128::from(rate.mantissa()))?
            .checked_mul(10u128.checked_pow(to)?)?;
        let d = 10u128
            .checked_pow(s + from + u32::from(self.factor.scale()) + u32::from(rate.scale()))?;
        // 3. Rounded half up to the unit, k minor units.
        let k = match self.rounding {
            Some(unit) => unit_minor(unit, self.currency)?,
            None => 1,
        };
        let d = d.checked_mul(k)?;
        // Rounds half up without overflowing near `u128::MAX`.
        let units = n / d + u128::from(n % d >= d - d / 2);
        let mut minor = units.checked_mul(k)?;
        // 4. The cap.
        if let Some(cap) = self.cap {
            minor = minor.min(u128::from(cap.minor()));
        }
        Some(Money::from_minor(u64::try_from(minor).ok()?, self.currency))
    }
}

/// The rounding `unit` in minor units of `currency`: `None` when it is zero
/// or finer than the minor unit (or not a whole number of them).
pub(crate) fn unit_minor(unit: Decimal, currency: Currency) -> Option<u128> {
    let to = u32::from(currency.minor_digits());
    let scaled = u128::from(unit.mantissa()).checked_mul(10u128.checked_pow(to)?)?;
    let d = 10u128.checked_pow(u32::from(unit.scale()))?;
    (scaled % d == 0 && scaled / d > 0).then_some(scaled / d)
}

/// A band times `factor` (and `rate`) in `currency`, point by point as
/// [`convert`] converts an amount: a percentage of another level's pay, or a
/// plain zone.
pub(crate) fn convert_band(
    band: &Band,
    factor: Decimal,
    rate: Option<Decimal>,
    currency: Currency,
) -> Option<Band> {
    Rules {
        factor,
        ..Rules::national(rate, currency)
    }
    .band(band)
}

/// `amount x factor x rate` in `currency`, rounded half away from zero to its minor unit.
pub(crate) fn convert(
    amount: Money,
    factor: Decimal,
    rate: Option<Decimal>,
    currency: Currency,
) -> Option<Money> {
    Rules {
        factor,
        ..Rules::national(rate, currency)
    }
    .amount(amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(minor: u64, code: &str) -> Money {
        Money::from_minor(minor, Currency::from_code(code).unwrap())
    }

    #[test]
    fn converts_exactly_and_rounds_half_away_from_zero() {
        let factor: Decimal = "0.8".parse().unwrap();
        let gbp = Currency::from_code("GBP").unwrap();
        let rate: Decimal = "0.79".parse().unwrap();
        // 130000.00 USD x 0.8 x 0.79 = 82160.00 GBP
        assert_eq!(
            convert(money(13_000_000, "USD"), factor, Some(rate), gbp),
            Some(money(8_216_000, "GBP"))
        );
        // 0.01 USD x 0.5 = 0.005 -> 0.01
        let half: Decimal = "0.5".parse().unwrap();
        let usd = Currency::from_code("USD").unwrap();
        assert_eq!(
            convert(money(1, "USD"), half, None, usd),
            Some(money(1, "USD"))
        );
        // 1000 USD in JPY at 150.5: 150500 JPY, no minor unit
        let jpy = Currency::from_code("JPY").unwrap();
        let one: Decimal = "1".parse().unwrap();
        let rate: Decimal = "150.5".parse().unwrap();
        assert_eq!(
            convert(money(100_000, "USD"), one, Some(rate), jpy),
            Some(money(150_500, "JPY"))
        );
    }

    fn rules(zone: &str) -> Rules {
        let gbp = Currency::from_code("GBP").unwrap();
        let mut rules = Rules::national(None, gbp);
        for (key, value) in zone.split(", ").filter_map(|kv| kv.split_once(": ")) {
            let money = || Money::from_decimal(value.parse().unwrap(), gbp).ok();
            match key {
                "factor" => rules.factor = value.parse().unwrap(),
                "uplift" => rules.uplift = Some(value.parse().unwrap()),
                "min" => rules.min_uplift = money(),
                "max" => rules.max_uplift = money(),
                "cap" => rules.cap = money(),
                "rounding" => rules.rounding = Some(value.parse().unwrap()),
                _ => unreachable!("{key}"),
            }
        }
        rules
    }

    fn pay(zone: &str, pounds: &str) -> String {
        let gbp = Currency::from_code("GBP").unwrap();
        let base = Money::from_decimal(pounds.parse().unwrap(), gbp).unwrap();
        rules(zone)
            .amount(base)
            .map_or("overflow".to_owned(), |m| m.amount())
    }

    #[test]
    fn the_supplement_is_clamped_then_scaled_rounded_and_capped() {
        let hcas = "uplift: 20%, min: 5414, max: 8172, rounding: 1";
        assert_eq!(pay(hcas, "26530"), "31944"); // 5306 < 5414
        assert_eq!(pay(hcas, "29970"), "35964"); // 5994
        assert_eq!(pay(hcas, "37338"), "44806"); // 7467.60, to the pound
        assert_eq!(pay(hcas, "46148"), "54320"); // 9229.60 > 8172
        // Half up at the unit: 100.50 -> 101, 100.49 -> 100.
        assert_eq!(pay("rounding: 1", "100.50"), "101");
        assert_eq!(pay("rounding: 1", "100.49"), "100");
        assert_eq!(pay("rounding: 100", "12350"), "12400");
        assert_eq!(pay("rounding: 100", "12349.99"), "12300");
        // Without a unit: the minor unit, as before.
        assert_eq!(pay("factor: 0.5", "0.01"), "0.01");
        // The factor applies to the supplemented amount; the cap comes last,
        // after rounding.
        assert_eq!(pay("factor: 0.5, uplift: 10%", "1000"), "550");
        assert_eq!(pay("uplift: 10%, rounding: 100, cap: 1000", "900"), "1000");
        assert_eq!(pay("uplift: 10%, rounding: 100, cap: 1000", "950"), "1000");
        assert_eq!(pay("rounding: 100, cap: 1049", "1040"), "1000");
        // A floor alone, a ceiling alone.
        assert_eq!(pay("uplift: 1%, min: 50", "1000"), "1050");
        assert_eq!(pay("uplift: 50%, max: 50", "1000"), "1050");
    }

    #[test]
    fn a_rounding_unit_is_a_whole_number_of_minor_units() {
        let gbp = Currency::from_code("GBP").unwrap();
        let jpy = Currency::from_code("JPY").unwrap();
        let unit = |u: &str| u.parse::<Decimal>().unwrap();
        assert_eq!(unit_minor(unit("0.01"), gbp), Some(1));
        assert_eq!(unit_minor(unit("0.05"), gbp), Some(5));
        assert_eq!(unit_minor(unit("100"), gbp), Some(10_000));
        assert_eq!(unit_minor(unit("0.001"), gbp), None);
        assert_eq!(unit_minor(unit("0"), gbp), None);
        assert_eq!(unit_minor(unit("0.5"), jpy), None);
        assert_eq!(unit_minor(unit("1000"), jpy), Some(1000));
    }

    #[test]
    fn rounds_without_overflow_near_the_top_of_u128() {
        // 18446744073709551615 JPY x 0.92 x 0.0000000000000000002 in KRW: the
        // product is 3.39e38, within u128, and adding half the divisor
        // (5e37) used to overflow (a panic in debug builds, a wrong amount in
        // release builds).
        let jpy = Currency::from_code("JPY").unwrap();
        let krw = Currency::from_code("KRW").unwrap();
        let factor: Decimal = "0.9200000000000000000".parse().unwrap();
        let rate: Decimal = "0.0000000000000000002".parse().unwrap();
        let converted = convert(Money::from_minor(u64::MAX, jpy), factor, Some(rate), krw);
        // 18446744073709551615 x 0.92 x 2e-19 = 3.394... -> 3
        assert_eq!(converted, Some(Money::from_minor(3, krw)));
    }
}
