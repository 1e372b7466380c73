//! How a compiled comparison is told to hold: by its outcome, without a branch on
//! the operator.

use crate::rules::Op;

/// A comparison as the outcomes it holds for: a number is less than, equal to or
/// greater than the value (or none of them, for a number that is not one), and the
/// comparison holds for some of them, or for all but some (`!=`). Telling which
/// without a branch on the operator, which a processor mispredicts in a loop over
/// comparisons with different operators.
#[derive(Debug, Clone, Copy)]
pub(super) struct Outcomes {
    /// Bit 0: less, bit 1: equal, bit 2: greater.
    holds: u8,
    /// Whether the comparison holds for every outcome but those.
    but: bool,
}

impl Outcomes {
    pub(super) fn of(op: Op) -> Outcomes {
        let (holds, but) = match op {
            Op::Lt => (0b001, false),
            Op::Le => (0b011, false),
            Op::Eq => (0b010, false),
            Op::Ne => (0b010, true),
            Op::Ge => (0b110, false),
            Op::Gt => (0b100, false),
        };
        Outcomes { holds, but }
    }

    /// Whether `left` compared with `right` holds, as [`Op::holds`] says.
    #[inline]
    pub(super) fn hold(self, left: f64, right: f64) -> bool {
        let outcome =
            u8::from(left < right) | u8::from(left == right) << 1 | u8::from(left > right) << 2;
        (outcome & self.holds != 0) ^ self.but
    }
}

#[cfg(test)]
mod tests {
    use super::Outcomes;
    use crate::rules::Op;

    /// Every operator holds for the same numbers as `Op::holds` says, numbers that are
    /// not one (NaN) and infinities included.
    #[test]
    fn outcomes_hold_as_the_operator_says() {
        let numbers = [
            f64::NAN,
            f64::NEG_INFINITY,
            -1.5,
            -0.0,
            0.0,
            1.0,
            2.0,
            f64::INFINITY,
        ];
        for op in [Op::Lt, Op::Le, Op::Eq, Op::Ne, Op::Ge, Op::Gt] {
            for left in numbers {
                for right in numbers {
                    assert_eq!(
                        Outcomes::of(op).hold(left, right),
                        op.holds(left, right),
                        "{left} {op:?} {right}"
                    );
                }
            }
        }
    }
}
