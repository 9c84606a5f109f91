use super::*;

/// Glyphs of `text` set from `x` on baseline `y` at `size` points, each
/// character half an em wide (spaces too, as a PDF writer emits them).
fn set(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
    let mut out = Vec::new();
    let mut at = x;
    for c in text.chars() {
        out.push(Glyph {
            x: at,
            y,
            width: 0.5 * size,
            size,
            text: c.to_string(),
        });
        at += 0.5 * size;
    }
    out
}

fn page(glyphs: Vec<Glyph>) -> Page {
    Page {
        width: 600.0,
        height: 800.0,
        glyphs,
    }
}

#[test]
fn lines_of_a_paragraph_join_and_a_wider_gap_starts_the_next() {
    let mut g = set("Kent was rated", 50.0, 100.0, 10.0);
    g.extend(set("good by Ofsted.", 50.0, 112.0, 10.0));
    g.extend(set("Next paragraph.", 50.0, 130.0, 10.0));
    assert_eq!(
        pages_to_text(&[page(g)]),
        "Kent was rated good by Ofsted.\n\nNext paragraph.\n"
    );
}

#[test]
fn glyphs_drawn_out_of_order_are_read_by_position() {
    let mut g = set("second line", 50.0, 112.0, 10.0);
    g.extend(set("first line", 50.0, 100.0, 10.0));
    g.reverse();
    assert_eq!(pages_to_text(&[page(g)]), "first line second line\n");
}

#[test]
fn word_gaps_without_space_glyphs_become_spaces() {
    let mut g = set("Ofsted", 50.0, 100.0, 10.0);
    g.extend(set("report", 50.0 + 6.0 * 5.0 + 3.0, 100.0, 10.0));
    assert_eq!(pages_to_text(&[page(g)]), "Ofsted report\n");
}

#[test]
fn two_columns_are_read_one_after_the_other() {
    let mut g = set("A headline across the page", 50.0, 60.0, 16.0);
    // Left column x 50..200, right column x 230..380, lines interleaved
    // in the order drawn, paragraph breaks level in both columns.
    for (i, (left, right)) in [
        ("Left one a", "Right one a"),
        ("left one b.", "right one b."),
        ("", ""),
        ("Left two a", "Right two a"),
        ("left two b.", "right two b."),
    ]
    .iter()
    .enumerate()
    {
        let y = 100.0 + 12.0 * i as f64;
        g.extend(set(left, 50.0, y, 10.0));
        g.extend(set(right, 230.0, y, 10.0));
    }
    assert_eq!(
        pages_to_text(&[page(g)]),
        "A headline across the page\n\nLeft one a left one b.\n\nLeft two a left two b.\n\n\
         Right one a right one b.\n\nRight two a right two b.\n"
    );
}

#[test]
fn a_left_column_longer_than_the_right_is_read_before_it() {
    let mut g = set("A headline across both columns", 50.0, 60.0, 16.0);
    for i in 0..6 {
        let y = 100.0 + 12.0 * i as f64 + if i >= 4 { 10.0 } else { 0.0 };
        g.extend(set(&format!("left {i}"), 50.0, y, 10.0));
        if i < 2 {
            g.extend(set(&format!("right {i}"), 230.0, y, 10.0));
        }
    }
    let text = pages_to_text(&[page(g)]);
    let left_end = text.find("left 5").expect("left 5");
    let right_start = text.find("right 0").expect("right 0");
    assert!(left_end < right_start, "{text}");
}

#[test]
fn a_change_of_type_size_starts_a_paragraph() {
    let mut g = set("Headline", 50.0, 100.0, 18.0);
    g.extend(set("Body text", 50.0, 118.0, 10.0));
    assert_eq!(pages_to_text(&[page(g)]), "Headline\n\nBody text\n");
}

#[test]
fn an_indented_first_line_starts_a_paragraph() {
    let mut g = set("one ends here.", 50.0, 100.0, 10.0);
    g.extend(set("Two starts here", 62.0, 112.0, 10.0));
    g.extend(set("and goes on.", 50.0, 124.0, 10.0));
    assert_eq!(
        pages_to_text(&[page(g)]),
        "one ends here.\n\nTwo starts here and goes on.\n"
    );
}

#[test]
fn running_headers_footers_and_page_numbers_are_dropped() {
    let pages: Vec<Page> = (1..=3)
        .map(|n| {
            let mut g = set("Local Gazette - 12/03/2019", 50.0, 20.0, 8.0);
            g.extend(set(&format!("Body of page {n}."), 50.0, 400.0, 10.0));
            g.extend(set(&format!("Page {n} of 3"), 260.0, 780.0, 8.0));
            page(g)
        })
        .collect();
    assert_eq!(
        pages_to_text(&pages),
        "Body of page 1.\n\nBody of page 2.\n\nBody of page 3.\n"
    );
}

#[test]
fn a_sentence_running_over_a_page_break_is_one_paragraph() {
    let pages = vec![
        page(set("The report said that", 50.0, 700.0, 10.0)),
        page(set("leaders had a firm grip.", 50.0, 100.0, 10.0)),
    ];
    assert_eq!(
        pages_to_text(&pages),
        "The report said that leaders had a firm grip.\n"
    );
}

#[test]
fn hyphens_at_line_ends() {
    let mut g = set("a well-", 50.0, 100.0, 10.0);
    g.extend(set("led service and an inspec\u{ad}", 50.0, 112.0, 10.0));
    g.extend(set("tion of care", 50.0, 124.0, 10.0));
    assert_eq!(
        pages_to_text(&[page(g)]),
        "a well-led service and an inspection of care\n"
    );
}

#[test]
fn ligatures_are_spelt_out_and_fake_bold_read_once() {
    let mut g = set("\u{fb01}ndings", 50.0, 100.0, 10.0);
    g.extend(set("\u{fb01}ndings", 50.4, 100.0, 10.0));
    assert_eq!(pages_to_text(&[page(g)]), "findings\n");
    // Doubled letters, a narrow glyph's advance apart, are both kept.
    let mut narrow = Vec::new();
    for (i, c) in "Sandwell".chars().enumerate() {
        narrow.push(Glyph {
            x: 50.0 + 2.3 * i as f64,
            y: 100.0,
            width: 2.22,
            size: 10.0,
            text: c.to_string(),
        });
    }
    assert_eq!(pages_to_text(&[page(narrow)]), "Sandwell\n");
}

#[test]
fn nonsense_numbers_do_not_panic() {
    let g = vec![
        Glyph {
            x: f64::NAN,
            y: 1.0,
            width: 1.0,
            size: 10.0,
            text: "x".into(),
        },
        Glyph {
            x: 1.0,
            y: f64::INFINITY,
            width: 1.0,
            size: 0.0,
            text: "y".into(),
        },
        Glyph {
            x: 1.0,
            y: 1.0,
            width: -5.0,
            size: 1e300,
            text: "z".into(),
        },
    ];
    let text = pages_to_text(&[page(g)]);
    assert_eq!(text, "z\n");
}

#[test]
fn page_numbers_are_recognised() {
    for yes in ["3", "- 3 -", "Page 3", "Page 3 of 12", "3/12", "3 of 12"] {
        assert!(is_page_number(yes), "{yes}");
    }
    for no in ["3 March", "Page three", "Kent 2019", ""] {
        assert!(!is_page_number(no), "{no}");
    }
}
