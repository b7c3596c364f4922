//! The checks of a table before it is sent: the sums of its "MS" row, the "≤" of its
//! notes, and the checks across tables (forms.md §8). A failure names the columns and
//! the figures.

use super::def::TableDef;
use super::table::{format_value, Check, FormTable};

const EPSILON: f64 = 1e-6;

/// "6=7+8=9+10+11" → column 6 and the sums it equals: [[7, 8], [9, 10, 11]].
pub(crate) fn parse_formula(text: &str) -> Option<(u16, Vec<Vec<u16>>)> {
    let mut parts = text.split('=').map(str::trim);
    let lhs: u16 = parts.next()?.parse().ok()?;
    let sums = parts
        .map(|p| p.split('+').map(|c| c.trim().parse().ok()).collect())
        .collect::<Option<Vec<Vec<u16>>>>()?;
    (!sums.is_empty()).then_some((lhs, sums))
}

fn col(values: &[f64], no: u16) -> f64 {
    values
        .get(usize::from(no).saturating_sub(1))
        .copied()
        .unwrap_or(0.0)
}

/// The checks of one table's row.
pub(crate) fn table_checks(def: &TableDef, values: &[f64]) -> Vec<Check> {
    let mut out = Vec::new();
    for (_, formula) in def.formulas {
        let Some((lhs, sums)) = parse_formula(formula) else {
            continue;
        };
        for terms in sums {
            let total: f64 = terms.iter().map(|c| col(values, *c)).sum();
            let rule = format!(
                "({lhs}) = {}",
                terms
                    .iter()
                    .map(|c| format!("({c})"))
                    .collect::<Vec<_>>()
                    .join(" + ")
            );
            let ok = (col(values, lhs) - total).abs() < EPSILON;
            let message = if ok {
                format!("Đúng: {rule}.")
            } else {
                format!(
                    "Biểu {}: cột ({lhs}) là {} nhưng {} = {}; {rule} phải bằng nhau.",
                    def.code,
                    format_value(col(values, lhs)),
                    terms
                        .iter()
                        .map(|c| format!("({c}) {}", format_value(col(values, *c))))
                        .collect::<Vec<_>>()
                        .join(" + "),
                    format_value(total)
                )
            };
            out.push(Check {
                rule,
                ok,
                message,
                blocking: true,
            });
        }
    }
    for (a, b, stated) in def.at_most {
        let rule = format!("({a}) ≤ ({b})");
        let ok = col(values, *a) <= col(values, *b) + EPSILON;
        out.push(Check {
            message: if ok {
                format!("Đúng: {rule}.")
            } else {
                format!(
                    "Biểu {}: cột ({a}) là {}, lớn hơn cột ({b}) là {}; {rule}.",
                    def.code,
                    format_value(col(values, *a)),
                    format_value(col(values, *b))
                )
            },
            rule,
            ok,
            blocking: *stated,
        });
    }
    for (people, delegations) in def.delegation_size {
        let rule = format!("({people}) ≥ 5 × ({delegations})");
        let (p, d) = (col(values, *people), col(values, *delegations));
        let ok = p + EPSILON >= 5.0 * d;
        out.push(Check {
            message: if ok {
                format!("Đúng: {rule}.")
            } else {
                format!(
                    "Biểu {}: cột ({people}) là {} người nhưng cột ({delegations}) là {} đoàn; đoàn đông người có từ 5 người trở lên, nên {rule}.",
                    def.code,
                    format_value(p),
                    format_value(d)
                )
            },
            rule,
            ok,
            blocking: true,
        });
    }
    out
}

/// A check between two tables: `a` column `ca` against `b` column `cb`, equal or at least.
pub(crate) fn across(
    a: &FormTable,
    ca: u16,
    b: &FormTable,
    cb: u16,
    at_least: bool,
    blocking: bool,
) -> Check {
    let (x, y) = (a.value(ca), b.value(cb));
    let sign = if at_least { "≥" } else { "=" };
    let rule = format!("{} ({ca}) {sign} {} ({cb})", a.code, b.code);
    let ok = if at_least {
        x + EPSILON >= y
    } else {
        (x - y).abs() < EPSILON
    };
    Check {
        message: if ok {
            format!("Đúng: {rule}.")
        } else {
            format!(
                "Cột ({ca}) Biểu {} là {} nhưng cột ({cb}) Biểu {} là {}; {rule}.",
                a.code,
                format_value(x),
                b.code,
                format_value(y)
            )
        },
        rule,
        ok,
        blocking,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 01/TCD's note defines a delegation as 5 people or more: a block's people in
    /// delegations are at least five times its delegations (forms.md: 9 ≥ 5×8, 15 ≥ 5×14,
    /// 21 ≥ 5×20).
    #[test]
    fn a_delegation_holds_five_people_or_more() {
        let mut values = vec![0.0; 21];
        values[7] = 2.0; // (8) two delegations…
        values[8] = 10.0; // (9) …of 10 people: holds
        values[13] = 1.0; // (14) one delegation…
        values[14] = 4.0; // (15) …of 4 people: fails
        let checks = table_checks(&super::super::def::TCD01, &values);
        let of = |rule: &str| checks.iter().find(|c| c.rule == rule).unwrap();
        assert!(of("(9) ≥ 5 × (8)").ok);
        assert!(of("(21) ≥ 5 × (20)").ok);
        let bad = of("(15) ≥ 5 × (14)");
        assert!(!bad.ok && bad.blocking);
        assert_eq!(
            bad.message,
            "Biểu 01/TCD: cột (15) là 4 người nhưng cột (14) là 1 đoàn; đoàn đông người có từ 5 người trở lên, nên (15) ≥ 5 × (14)."
        );
    }

    #[test]
    fn formulas_of_the_ms_row() {
        assert_eq!(parse_formula("1=5+11+17"), Some((1, vec![vec![5, 11, 17]])));
        assert_eq!(
            parse_formula("6= 7+8= 9+10+11"),
            Some((6, vec![vec![7, 8], vec![9, 10, 11]]))
        );
        assert_eq!(parse_formula("5"), None);
    }
}
