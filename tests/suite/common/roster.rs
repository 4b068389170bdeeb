//! Generated rosters for `dualtrack audit` against `ladders/engineering.yaml`:
//! one with planted facts for the tests, and large ones for the bench.

// The tests use `planted`, the bench `large`.
#![allow(dead_code)]

/// A roster with planted facts, as CSV: three people below their band
/// minimum (two at ic3, one at ic2), a 7% management premium in practice at
/// grade 5 (every IC salary there is 93% of a manager's), a level of four
/// people (ic8) to be suppressed, and two malformed rows (an unknown level, a misspelt title,
/// a salary with too many decimals). Everything else is at parity, and the
/// two `gender` groups are paid alike.
pub fn planted() -> String {
    let mut rows: Vec<(&str, u64, u64, &str)> = Vec::new();
    let pair = |rows: &mut Vec<(&str, u64, u64, &str)>, level, salary, variable| {
        rows.push((level, salary, variable, "F"));
        rows.push((level, salary, variable, "M"));
    };
    for salary in [105_000, 110_000, 120_000] {
        pair(&mut rows, "ic1", salary, 0);
    }
    rows.push(("ic2", 115_000, 0, "F")); // below the minimum, 120000
    for salary in [130_000, 140_000, 150_000] {
        pair(&mut rows, "ic2", salary, 0);
    }
    for salary in [140_000, 160_000, 170_000] {
        pair(&mut rows, "ic3", salary, 0); // 140000: both below the minimum, 145000
    }
    for salary in [180_000, 190_000, 200_000, 210_000, 220_000] {
        pair(&mut rows, "ic4", salary, 10_000);
        pair(&mut rows, "em1", salary, 10_000);
    }
    for manager in [240_000u64, 250_000, 260_000, 270_000, 230_000] {
        pair(&mut rows, "em2", manager, 10_000);
        pair(&mut rows, "ic5", manager * 93 / 100, 10_000);
    }
    for salary in [400_000, 450_000] {
        pair(&mut rows, "ic8", salary, 0);
    }
    let mut csv = String::from("id,level,salary,variable,gender\n");
    for (i, (level, salary, variable, gender)) in rows.iter().enumerate() {
        let variable = if *variable == 0 {
            String::new()
        } else {
            variable.to_string()
        };
        csv.push_str(&format!(
            "p{:03},{level},{salary},{variable},{gender}\n",
            i + 1
        ));
        if i == 20 {
            csv.push_str("x001,Staff Enginer,180000,,F\n");
        }
        if i == 40 {
            csv.push_str("x002,em1,180000.555,,M\n");
        }
    }
    csv
}

/// A roster of `rows` people spread over every level and zone of
/// `ladders/engineering.yaml` (zone salaries in the zone's currency),
/// deterministic, for the bench.
pub fn large(rows: usize) -> String {
    const LEVELS: [(&str, u64); 13] = [
        ("ic1", 115_000),
        ("ic2", 138_000),
        ("ic3", 168_000),
        ("ic4", 205_000),
        ("ic5", 245_000),
        ("ic6", 295_000),
        ("ic7", 355_000),
        ("ic8", 430_000),
        ("em1", 205_000),
        ("em2", 245_000),
        ("dir1", 295_000),
        ("dir2", 355_000),
        ("vp", 430_000),
    ];
    let mut csv = String::with_capacity(rows * 40);
    csv.push_str("id,level,zone,salary,variable,gender\n");
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..rows {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let (level, mid) = LEVELS[(state % 13) as usize];
        let salary = mid - mid * 12 / 100 + (state >> 20) % (mid * 24 / 100);
        let gender = if (state >> 40).is_multiple_of(2) {
            "F"
        } else {
            "M"
        };
        let variable = (state >> 8) % 20_000;
        csv.push_str(&format!("e{i},{level},,{salary},{variable},{gender}\n"));
    }
    csv
}
