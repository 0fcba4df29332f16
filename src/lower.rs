//! Lowercasing without the standard library's tables: the same answers as `str::to_lowercase` and
//! `char::to_lowercase` for every character (final sigma included), from about 2 KB of ranges instead
//! of the 12 KB mapping table and the code that walks it, which the Wasm would otherwise carry
//! (docs/benchmarks.md, the .wasm's size). The tables are generated from the standard library itself:
//! the test `tables_match_the_standard_library` checks every character and prints fresh tables when a
//! Rust update brings a new Unicode version. `is_upper` and `is_lower` answer as `char::is_uppercase`
//! and `char::is_lowercase` from the same runs and two more small tables, for the same reason.
use crate::prelude::*;

/// Runs of characters whose lowercase is one character at a fixed distance: `start | (len - 1) << 21 |
/// (step == 2) << 31`, and the distance. Sorted by start.
const RUNS: &[(u32, i32)] = &[
    (46137536, 32), (12583128, 32), (2195718400, 1), (2151678258, 1), (2162164025, 1), (2193621322, 1),
    (376, -121), (2151678329, 1), (385, 210), (2149581186, 1), (390, 206), (391, 1), (2097545, 205), (395, 1),
    (398, 79), (399, 202), (400, 203), (401, 1), (403, 205), (404, 207), (406, 211), (407, 209), (408, 1),
    (412, 211), (413, 213), (415, 214), (2151678368, 1), (422, 218), (423, 1), (425, 218), (428, 1),
    (430, 218), (431, 1), (2097585, 217), (2149581235, 1), (439, 219), (440, 1), (444, 1), (452, 2), (453, 1),
    (455, 2), (456, 1), (458, 2), (2164261323, 1), (2164261342, 1), (497, 2), (2149581298, 1), (502, -97),
    (503, -56), (2187330040, 1), (544, -130), (2164261410, 1), (570, 10795), (571, 1), (573, -163),
    (574, 10792), (577, 1), (579, -195), (580, 69), (581, 71), (2155872838, 1), (2149581680, 1), (886, 1),
    (895, 116), (902, 38), (4195208, 37), (908, 64), (2098062, 63), (33555345, 32), (16778147, 32), (975, 8),
    (2170553304, 1), (1012, -60), (1015, 1), (1017, -7), (1018, 1), (4195325, -130), (31458304, 80),
    (65012752, 32), (2181039200, 1), (2202010762, 1), (1216, 15), (2160067777, 1), (2246051024, 1),
    (77595953, 48), (77598880, 7264), (4295, 7264), (4301, 7264), (165680032, 38864), (10490864, 8),
    (7305, 1), (88087696, -3008), (4201661, -3008), (2302680576, 1), (7838, -7615), (2246057632, 1),
    (14688008, -8), (10493720, -8), (14688040, -8), (14688056, -8), (10493768, -8), (2153783129, -8),
    (14688104, -8), (14688136, -8), (14688152, -8), (14688168, -8), (2105272, -8), (2105274, -74), (8124, -9),
    (6299592, -86), (8140, -9), (2105304, -8), (2105306, -100), (2105320, -8), (2105322, -112), (8172, -7),
    (2105336, -128), (2105338, -126), (8188, -9), (8486, -7517), (8490, -8383), (8491, -8262), (8498, 28),
    (31465824, 16), (8579, 1), (52438198, 26), (98577408, 48), (11360, 1), (11362, -10743), (11363, -3814),
    (11364, -10727), (2151689319, 1), (11373, -10780), (11374, -10749), (11375, -10783), (11376, -10782),
    (11378, 1), (11381, 1), (2108542, -10815), (2250255488, 1), (2149592299, 1), (11506, 1), (2193663552, 1),
    (2174789248, 1), (2160109346, 1), (2210441010, 1), (2149623673, 1), (42877, -35332), (2155915134, 1),
    (42891, 1), (42893, -42280), (2149623696, 1), (2166400918, 1), (42922, -42308), (42923, -42319),
    (42924, -42315), (42925, -42305), (42926, -42308), (42928, -42258), (42929, -42282), (42930, -42261),
    (42931, 928), (2162206644, 1), (42948, -48), (42949, -42307), (42950, -35384), (2149623751, 1),
    (42955, -42343), (2162206668, 1), (42972, -42561), (42997, 1), (52494113, 32), (81855488, 40),
    (73467056, 40), (21038448, 39), (29427068, 39), (12649868, 39), (2164116, 39), (104926336, 64),
    (44109136, 32), (65083552, 32), (65105472, 32), (50425504, 27), (69331200, 34),
];

/// Ranges of characters that final sigma skips (Unicode's `Case_Ignorable`): `start | (len - 1) << 21`.
const IGNORABLE: &[u32] = &[
    39, 46, 58, 94, 96, 168, 173, 175, 180, 2097335, 400556720, 2098036, 890, 2098052, 903, 12584067, 1369,
    1375, 92276113, 1471, 2098625, 2098628, 1479, 1524, 10487296, 20973072, 1564, 1600, 41944651, 1648,
    14681814, 18876127, 6293226, 1807, 1809, 54527792, 20973478, 20973547, 2042, 2045, 48236566, 4196441,
    2184, 2099344, 16779415, 119539913, 2362, 2364, 14682433, 2381, 12585297, 2099554, 2417, 2433, 2492,
    6293953, 2509, 2099682, 2558, 2099713, 2620, 2099777, 2099783, 4196939, 2641, 2099824, 2677, 2099841,
    2748, 8391361, 2099911, 2765, 2099938, 10488570, 2817, 2876, 2879, 6294337, 2893, 2100053, 2100066, 2946,
    3008, 3021, 3072, 3076, 3132, 4197438, 4197446, 6294602, 2100309, 2100322, 3201, 3260, 3263, 3270,
    2100428, 2100450, 2100480, 2100539, 6294849, 3405, 2100578, 3457, 3530, 4197842, 3542, 3633, 12586548,
    16780870, 3761, 16780980, 3782, 12586696, 2101016, 3893, 3895, 3897, 27266929, 8392576, 2101126, 20975501,
    73404313, 4038, 6295597, 10489906, 2101305, 2101309, 2101336, 4198494, 6295665, 4226, 2101381, 4237, 4253,
    4348, 4199261, 4200210, 2103090, 2103122, 2103154, 2103220, 12588983, 6086, 20977609, 6103, 6109, 8394763,
    6211, 2103429, 6313, 4200736, 2103591, 6450, 4200761, 2103831, 6683, 6742, 12589656, 6752, 6754, 14686821,
    18881139, 6783, 6823, 94378672, 23075552, 6298368, 6964, 8395574, 6972, 6978, 16784235, 2104192, 6298530,
    2104232, 4201387, 7142, 2104296, 7149, 4201455, 14687276, 2104374, 10493048, 4201680, 25173204, 12590306,
    7405, 7412, 2104568, 130030892, 7544, 209722779, 8125, 4202431, 4202445, 4202461, 4202477, 2105341,
    8396811, 2105368, 8228, 8231, 8396842, 8396896, 18882662, 8305, 8319, 25174160, 67117264, 2108540,
    4205807, 11631, 11647, 65023456, 11823, 12293, 6303786, 8400945, 12347, 10498201, 4206844, 40981,
    10527992, 42508, 6334063, 18916980, 42623, 6334108, 2139888, 69248768, 42864, 4237192, 6334449, 2140152,
    43010, 43014, 43019, 2140197, 43052, 2140356, 35694816, 43263, 14723366, 21014855, 4237696, 43443,
    6334902, 2140604, 43471, 2140645, 10529321, 2140721, 2140725, 43587, 43596, 43632, 43644, 43696, 4238002,
    2140855, 2140862, 43713, 43741, 2140908, 2140915, 43766, 8432475, 4238185, 44005, 44008, 44013, 64286,
    33618866, 31522304, 65043, 31522336, 65106, 65109, 65279, 65287, 65294, 65306, 65342, 65344, 65392,
    2162590, 65507, 4259833, 66045, 66272, 8455030, 10553216, 86050695, 16844722, 4262401, 2165253, 6359564,
    4262456, 68159, 2165477, 6360356, 68942, 8457577, 68975, 2166443, 69317, 10555130, 21040966, 6360962,
    69633, 29429816, 69744, 2166899, 4264063, 6361267, 2166969, 69821, 69826, 69837, 4264192, 8458535,
    14749997, 70003, 2167168, 16847286, 6361545, 70095, 4264495, 70196, 2167350, 70206, 70209, 70367,
    14750435, 2167552, 2167611, 70464, 12653414, 8459120, 10556347, 70606, 70608, 70610, 2167777, 14750776,
    4265026, 70726, 70750, 10556595, 70842, 2167999, 2168002, 6362546, 2168252, 2168255, 2168284, 14751283,
    71229, 2168383, 71339, 71341, 10557104, 71351, 71453, 71455, 6362914, 8460071, 16848943, 2168889, 2169147,
    71998, 72003, 6363604, 2169306, 72160, 18946561, 10558003, 6363707, 72263, 10558033, 4266585, 25238154,
    2169496, 72544, 4266850, 72550, 12655664, 10558520, 72767, 44113042, 12655786, 2170034, 2170037, 10558769,
    73018, 2170172, 12655935, 73031, 2170256, 73109, 73111, 73177, 2170611, 2170624, 8462134, 73536, 73538,
    73562, 33633328, 29439047, 23159070, 4284717, 8481520, 12675888, 6384448, 4287808, 2190699, 94031,
    33648527, 2191328, 2191331, 2191346, 6402032, 12693493, 2207741, 2210973, 6405280, 94490368, 46255920,
    4313447, 31576435, 12702085, 6410666, 4313666, 113367552, 102881851, 121461, 121476, 8510107, 29481633,
    12705792, 33677320, 12705819, 2220067, 8511526, 128049200, 123023, 27386160, 123566, 6415084, 8512747,
    2221550, 124643, 124646, 2221806, 124661, 124671, 12708048, 14805316, 8516603, 917505, 200146976,
    502137088,
];

/// Non-ASCII characters that are cased (`Lowercase`, `Uppercase` or titlecase `Lt`): `start | (len - 1) << 21`.
/// With [`UPPER_UNMAPPED`], [`TITLECASE`] and [`RUNS`] it gives `char::is_lowercase` and
/// `char::is_uppercase` without the standard library's two tables (test `case_tables_match_the_standard_library`).
const CASED: &[u32] = &[
    170, 181, 186, 46137536, 62914776, 406847736, 6291900, 434110916, 71303830, 2097856, 8389344, 837,
    6292336, 2098038, 6292346, 895, 902, 4195208, 908, 39846798, 171967395, 289407991, 346031242, 77595953,
    83887456, 77598880, 4295, 4301, 88084688, 6295804, 178262944, 10490872, 20978816, 88087696, 4201661,
    400563456, 580918784, 10493720, 77602592, 10493768, 14688080, 8025, 8027, 8029, 62922591, 109059968,
    12591030, 8126, 4202434, 12591046, 6299600, 10493910, 25173984, 4202482, 12591094, 8305, 8319, 25174160,
    8450, 8455, 18882826, 8469, 8397081, 8484, 8486, 8488, 6299946, 10494255, 8505, 6299964, 8397125, 8526,
    65020256, 2105731, 106964150, 478161920, 6302955, 2108658, 77606144, 11559, 11565, 94414400, 60860032,
    211855138, 6334347, 159426448, 10528753, 4237304, 88124208, 27306844, 165718896, 12647168, 8452883,
    52494113, 52494145, 165741568, 73467056, 73467096, 21038448, 29427068, 12649868, 2164116, 21038487,
    29427107, 12649907, 2164155, 67456, 4261763, 86050695, 16844722, 104926336, 104926400, 44109136,
    44109168, 132192416, 132214336, 50425504, 50425531, 176280576, 146920534, 2217118, 119970, 2217125,
    6411433, 23188654, 119995, 12702909, 134337733, 6411527, 14800141, 12702998, 56743198, 6411579, 8508736,
    120134, 12703050, 711054674, 50452136, 50452162, 63035100, 50452220, 63035158, 50452278, 63035216,
    50452336, 63035274, 50452394, 14800836, 18996992, 39968523, 10608421, 128049200, 140634368, 52556080,
    52556112, 52556144,
];

/// Non-ASCII `Uppercase` characters that lowercase to themselves (ϒ, ℋ, the mathematical capitals, …):
/// `start | (len - 1) << 21`. Every other uppercase character is one that lowercases to another one.
const UPPER_UNMAPPED: &[u32] = &[
    4195282, 8450, 8455, 4202763, 4202768, 8469, 8397081, 8484, 8488, 2105644, 2105648, 8499, 2105662, 8517,
    52548608, 52548660, 52548712, 119964, 2217118, 119970, 2217125, 6411433, 14800046, 52548816, 2217220,
    6411527, 14800141, 12702998, 2217272, 6411579, 8508736, 120134, 12703050, 52548972, 52549024, 52549076,
    52549128, 52549180, 52549232, 50452136, 50452194, 50452252, 50452310, 50452368, 120778, 52556080,
    52556112, 52556144,
];

/// Unicode's titlecase letters (`Lt`), cased but neither lowercase nor uppercase.
const TITLECASE: &[(u32, u32)] = &[
    (453, 453), (456, 456), (459, 459), (498, 498), (8072, 8079), (8088, 8095), (8104, 8111), (8124, 8124),
    (8140, 8140), (8188, 8188),
];

fn lookup_run(c: u32) -> Option<u32> {
    let i = RUNS.partition_point(|&(r, _)| r & 0x1f_ffff <= c);
    let &(r, delta) = RUNS.get(i.checked_sub(1)?)?;
    let start = r & 0x1f_ffff;
    let step = if r >> 31 == 1 { 2 } else { 1 };
    let len = (r >> 21 & 0x3ff) + 1;
    let off = c - start;
    (off % step == 0 && off / step < len).then(|| (c as i64 + delta as i64) as u32)
}

/// Appends `c`'s lowercase (as `char::to_lowercase`) to `out`.
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '\u{130}' {
        out.push_str("i\u{307}");
    } else {
        out.push(lookup_run(c as u32).and_then(char::from_u32).unwrap_or(c));
    }
}

fn in_ranges(table: &[u32], c: u32) -> bool {
    let i = table.partition_point(|&r| r & 0x1f_ffff <= c);
    i > 0 && c - (table[i - 1] & 0x1f_ffff) <= table[i - 1] >> 21
}

fn ignorable(c: char) -> bool {
    in_ranges(IGNORABLE, c as u32)
}

fn title(c: char) -> bool {
    TITLECASE.iter().any(|&(a, b)| (a..=b).contains(&(c as u32)))
}

/// `c.is_uppercase()`, from the lowercase runs: an uppercase character is one that lowercases to another
/// one (but for the titlecase letters), or one of [`UPPER_UNMAPPED`].
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    ((c == '\u{130}' || lookup_run(c as u32).is_some()) && !title(c)) || in_ranges(UPPER_UNMAPPED, c as u32)
}

/// `c.is_lowercase()`: cased, and neither uppercase nor titlecase.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(CASED, c as u32) && !is_upper(c) && !title(c)
}

fn cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(CASED, c as u32)
}

/// True when the capital sigma at byte `i` of `s` ends a word (it lowercases to `ς`).
fn final_sigma(s: &str, i: usize) -> bool {
    let before = s[..i].chars().rev().find(|&c| !ignorable(c)).is_some_and(cased);
    let after = s[i + 'Σ'.len_utf8()..].chars().find(|&c| !ignorable(c)).is_some_and(cased);
    before && !after
}

/// [`lower`] of a string the caller no longer needs: lowercased in place when it is ASCII (no copy).
pub fn lower_owned(s: String) -> String {
    if s.is_ascii() {
        let mut s = s;
        s.make_ascii_lowercase();
        s
    } else {
        lower(&s)
    }
}

/// `s` lowercased, as `str::to_lowercase`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
        } else {
            push_lower(c, &mut out);
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn chars() -> impl Iterator<Item = char> {
        (0..=0x10ffffu32).filter_map(char::from_u32)
    }

    /// The tables as the standard library's answers give them.
    fn generate() -> (Vec<(u32, i32)>, Vec<u32>, Vec<(u32, u32)>) {
        let mut runs: Vec<(u32, u32, u32, i32)> = Vec::new(); // start, len, step, delta
        for c in chars() {
            let l: Vec<char> = c.to_lowercase().collect();
            if l.len() != 1 || l[0] == c || c.is_ascii() {
                continue;
            }
            let (cp, delta) = (c as u32, l[0] as i32 - c as i32);
            if let Some(r) = runs.last_mut() {
                let last = r.0 + (r.1 - 1) * r.2;
                let gap = cp - last;
                if r.3 == delta && r.1 < 1024 && ((r.1 == 1 && gap <= 2) || (r.1 > 1 && gap == r.2)) {
                    r.2 = gap;
                    r.1 += 1;
                    continue;
                }
            }
            runs.push((cp, 1, 1, delta));
        }
        let runs = runs.into_iter().map(|(s, n, step, d)| (s | (n - 1) << 21 | u32::from(step == 2) << 31, d)).collect();
        // Final sigma's two questions of each character, asked of the standard library: after "Α" + c,
        // is "Σ" word-final (c ignorable or cased); before c, is "Σ" not word-final (c cased, not ignorable).
        let mut ign = Vec::new();
        let mut title = Vec::new();
        for c in chars() {
            let p1 = format!("Α{c}Σ").to_lowercase().ends_with('ς');
            let p2 = format!("ΑΣ{c}").to_lowercase().chars().nth(1) == Some('σ');
            let is_ign = p1 && !p2;
            if is_ign {
                match ign.last_mut() {
                    Some((s, n)) if *s + *n == c as u32 && *n < 1024 => *n += 1,
                    _ => ign.push((c as u32, 1)),
                }
            }
            if p2 && !c.is_lowercase() && !c.is_uppercase() {
                match title.last_mut() {
                    Some((_, e)) if *e + 1 == c as u32 => *e += 1,
                    _ => title.push((c as u32, c as u32)),
                }
            }
        }
        let ign = ign.into_iter().map(|(s, n)| s | (n - 1) << 21).collect();
        (runs, ign, title)
    }

    #[test]
    fn tables_match_the_standard_library() {
        let (runs, ign, title) = generate();
        if runs != RUNS || ign != IGNORABLE || title != TITLECASE {
            panic!(
                "src/lower.rs's tables are stale; replace them with:\nconst RUNS: &[(u32, i32)] = &{runs:?};\nconst IGNORABLE: &[u32] = &{ign:?};\nconst TITLECASE: &[(u32, u32)] = &{title:?};"
            );
        }
        let mut s = String::new();
        for c in chars() {
            s.clear();
            push_lower(c, &mut s);
            assert_eq!(s, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn case_tables_match_the_standard_library() {
        let ranges = |f: &dyn Fn(char) -> bool| {
            let mut v: Vec<(u32, u32)> = Vec::new();
            for c in chars().filter(|c| !c.is_ascii() && f(*c)) {
                match v.last_mut() {
                    Some((s, n)) if *s + *n == c as u32 && *n < 1024 => *n += 1,
                    _ => v.push((c as u32, 1)),
                }
            }
            v.into_iter().map(|(s, n)| s | (n - 1) << 21).collect::<Vec<u32>>()
        };
        let lowers_to_other = |c: char| c.to_lowercase().ne([c]);
        let title = |c: char| lowers_to_other(c) && !c.is_uppercase();
        let cased = ranges(&|c| c.is_lowercase() || c.is_uppercase() || title(c));
        let unmapped = ranges(&|c| c.is_uppercase() && !lowers_to_other(c));
        if cased != CASED || unmapped != UPPER_UNMAPPED {
            panic!("src/lower.rs's case tables are stale; replace them with:\nconst CASED: &[u32] = &{cased:?};\nconst UPPER_UNMAPPED: &[u32] = &{unmapped:?};");
        }
        for c in chars() {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(super::title(c), title(c), "{c:?}");
            assert_eq!(super::cased(c), c.is_lowercase() || c.is_uppercase() || title(c), "{c:?}");
        }
    }

    #[test]
    fn final_sigma_as_the_standard_library() {
        for c in chars() {
            for t in [format!("Α{c}Σ"), format!("ΑΣ{c}"), format!("{c}Σ"), format!("Σ{c}"), format!("ΑΣ{c}Α"), format!("{c}{c}Σ{c}")] {
                assert_eq!(lower(&t), t.to_lowercase(), "{t:?}");
            }
        }
    }

    #[test]
    fn pages_lowercase_as_the_standard_library() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path().join("source.html");
            if let Ok(t) = std::fs::read_to_string(&p) {
                assert_eq!(lower(&t), t.to_lowercase(), "{}", p.display());
            }
        }
        for t in ["ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ.", "ΌΣΟΣ's", "İSTANBUL", "ПОДПИСЫВАЙТЕСЬ", "Ǆemal ǅ", "ὈΔΥΣΣΕΎΣ", "A\u{300}Σ\u{301}"] {
            assert_eq!(lower(t), t.to_lowercase(), "{t}");
        }
    }
}
