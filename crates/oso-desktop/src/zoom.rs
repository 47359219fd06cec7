//! The window's zoom: steps from 80 % to 200 % (Ctrl + and Ctrl −), back to 100 % (Ctrl 0),
//! remembered in the local store.

/// The zoom levels, smallest first; 1.0 is the design size.
pub const LEVELS: [f64; 8] = [0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoomStep {
    In,
    Out,
    Reset,
}

impl ZoomStep {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "in" => Some(Self::In),
            "out" => Some(Self::Out),
            "reset" => Some(Self::Reset),
            _ => None,
        }
    }
}

/// The level after `step` from `current` (a level not in the list counts as its nearest).
pub fn next(current: f64, step: ZoomStep) -> f64 {
    let levels = &LEVELS;
    let index = levels
        .iter()
        .enumerate()
        .min_by(|(_, a), (_, b)| (*a - current).abs().total_cmp(&(*b - current).abs()))
        .map_or(2, |(index, _)| index);
    match step {
        ZoomStep::Reset => 1.0,
        ZoomStep::In => levels[(index + 1).min(levels.len() - 1)],
        ZoomStep::Out => levels[index.saturating_sub(1)],
    }
}

/// A stored level, if it is one of ours.
pub fn parse_level(text: &str) -> Option<f64> {
    let level: f64 = text.parse().ok()?;
    LEVELS.contains(&level).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_steps_through_the_levels_and_stops_at_either_end() {
        assert_eq!(next(1.0, ZoomStep::In), 1.1);
        assert_eq!(next(1.1, ZoomStep::In), 1.25);
        assert_eq!(next(2.0, ZoomStep::In), 2.0);
        assert_eq!(next(1.0, ZoomStep::Out), 0.9);
        assert_eq!(next(0.8, ZoomStep::Out), 0.8);
        assert_eq!(next(1.75, ZoomStep::Reset), 1.0);
    }

    #[test]
    fn a_stored_level_is_read_only_when_it_is_one_of_the_levels() {
        assert_eq!(parse_level("1.25"), Some(1.25));
        assert_eq!(parse_level("3"), None);
        assert_eq!(parse_level("big"), None);
    }
}
