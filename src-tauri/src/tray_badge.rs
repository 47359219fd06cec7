//! The tray icon with the open-request count drawn on it at run time: a red disc with a white
//! rim (readable on light and dark panels alike) in the lower right, and the count in white
//! (1 to 9, then "9+").

/// A 3×5 pixel font for the digits and "+", row by row, three bits a row (left bit first).
const GLYPHS: [(char, [u8; 5]); 11] = [
    ('0', [0b111, 0b101, 0b101, 0b101, 0b111]),
    ('1', [0b010, 0b110, 0b010, 0b010, 0b111]),
    ('2', [0b111, 0b001, 0b111, 0b100, 0b111]),
    ('3', [0b111, 0b001, 0b111, 0b001, 0b111]),
    ('4', [0b101, 0b101, 0b111, 0b001, 0b001]),
    ('5', [0b111, 0b100, 0b111, 0b001, 0b111]),
    ('6', [0b111, 0b100, 0b111, 0b101, 0b111]),
    ('7', [0b111, 0b001, 0b010, 0b010, 0b010]),
    ('8', [0b111, 0b101, 0b111, 0b101, 0b111]),
    ('9', [0b111, 0b101, 0b111, 0b001, 0b111]),
    ('+', [0b000, 0b010, 0b111, 0b010, 0b000]),
];

const RED: [u8; 4] = [0xd1, 0x24, 0x24, 0xff];
const WHITE: [u8; 4] = [0xff, 0xff, 0xff, 0xff];

/// What the badge says for `count` open requests; nothing for none.
pub fn label(count: i64) -> Option<String> {
    match count {
        ..=0 => None,
        1..=9 => Some(count.to_string()),
        _ => Some("9+".to_owned()),
    }
}

/// `rgba` (`width`×`height`, 4 bytes a pixel) with the badge for `count` drawn on it.
pub fn draw(rgba: &[u8], width: u32, height: u32, count: i64) -> Vec<u8> {
    let mut pixels = rgba.to_vec();
    let Some(text) = label(count) else {
        return pixels;
    };
    let size = width.min(height) as f32;
    let radius = size * 0.32;
    let (cx, cy) = (width as f32 - radius - 0.5, height as f32 - radius - 0.5);
    let rim = (size / 16.0).max(1.0);
    let mut put = |x: u32, y: u32, colour: [u8; 4]| {
        if x < width && y < height {
            let at = ((y * width + x) * 4) as usize;
            pixels[at..at + 4].copy_from_slice(&colour);
        }
    };
    for y in 0..height {
        for x in 0..width {
            let distance = ((x as f32 + 0.5 - cx).powi(2) + (y as f32 + 0.5 - cy).powi(2)).sqrt();
            if distance <= radius - rim {
                put(x, y, RED);
            } else if distance <= radius {
                put(x, y, WHITE);
            }
        }
    }
    // The digits, as large as fit the disc: each font pixel a square of `scale`.
    let glyphs: Vec<[u8; 5]> = text
        .chars()
        .filter_map(|wanted| {
            GLYPHS
                .iter()
                .find(|(c, _)| *c == wanted)
                .map(|(_, rows)| *rows)
        })
        .collect();
    let columns = glyphs.len() as u32 * 4 - 1;
    let inner = 2.0 * (radius - rim) * 0.75;
    let scale = ((inner / columns.max(5) as f32).floor() as u32).max(1);
    let (text_width, text_height) = (columns * scale, 5 * scale);
    let left = (cx - text_width as f32 / 2.0).round().max(0.0) as u32;
    let top = (cy - text_height as f32 / 2.0).round().max(0.0) as u32;
    for (index, rows) in glyphs.iter().enumerate() {
        let origin = left + index as u32 * 4 * scale;
        for (row, bits) in rows.iter().enumerate() {
            for column in 0..3u32 {
                if bits & (0b100 >> column) == 0 {
                    continue;
                }
                for dy in 0..scale {
                    for dx in 0..scale {
                        put(
                            origin + column * scale + dx,
                            top + row as u32 * scale + dy,
                            WHITE,
                        );
                    }
                }
            }
        }
    }
    pixels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(rgba: &[u8], width: u32, x: u32, y: u32) -> [u8; 4] {
        let at = ((y * width + x) * 4) as usize;
        [rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]]
    }

    #[test]
    fn the_badge_says_the_count_up_to_nine_then_nine_plus_and_nothing_for_none() {
        assert_eq!(label(0), None);
        assert_eq!(label(1).as_deref(), Some("1"));
        assert_eq!(label(9).as_deref(), Some("9"));
        assert_eq!(label(10).as_deref(), Some("9+"));
    }

    #[test]
    fn no_open_request_leaves_the_icon_as_it_is() {
        let icon = vec![7u8; 32 * 32 * 4];
        assert_eq!(draw(&icon, 32, 32, 0), icon);
    }

    #[test]
    fn a_red_disc_with_a_white_rim_and_white_digits_sits_in_the_lower_right() {
        let icon = vec![0u8; 32 * 32 * 4];
        let drawn = draw(&icon, 32, 32, 3);

        assert_eq!(
            pixel(&drawn, 32, 1, 1),
            [0, 0, 0, 0],
            "the top left untouched"
        );
        let lower_right: Vec<[u8; 4]> = (16..32)
            .flat_map(|y| (16..32).map(move |x| (x, y)))
            .map(|(x, y)| pixel(&drawn, 32, x, y))
            .collect();
        assert!(lower_right.contains(&RED));
        assert!(lower_right.contains(&WHITE));
        let whites = lower_right
            .iter()
            .filter(|colour| **colour == WHITE)
            .count();
        let reds = lower_right.iter().filter(|colour| **colour == RED).count();
        assert!(reds > whites, "mostly red: {reds} red, {whites} white");
    }

    #[test]
    fn one_and_nine_plus_draw_differently() {
        let icon = vec![0u8; 32 * 32 * 4];
        assert_ne!(draw(&icon, 32, 32, 1), draw(&icon, 32, 32, 12));
    }
}
