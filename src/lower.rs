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

/// Ranges of characters that final sigma skips (Unicode's `Case_Ignorable`), packed as [`in_packed`] reads
/// them.
const IGNORABLE: &[u8] = &[
    39, 0, 6, 0, 11, 0, 35, 0, 1, 0, 71, 0, 4, 0, 1, 0, 4, 0, 2, 1, 247, 3, 191, 1, 4, 1, 4, 0, 9, 1, 1, 0,
    251, 1, 6, 207, 1, 0, 5, 0, 49, 44, 1, 0, 1, 1, 1, 1, 1, 0, 44, 0, 11, 5, 10, 10, 1, 0, 35, 0, 10, 20,
    16, 0, 101, 7, 1, 9, 1, 3, 33, 0, 1, 0, 30, 26, 91, 10, 58, 10, 4, 0, 2, 0, 24, 23, 43, 2, 44, 0, 7, 1,
    5, 8, 41, 57, 55, 0, 1, 0, 4, 7, 4, 0, 3, 6, 10, 1, 13, 0, 15, 0, 58, 0, 4, 3, 8, 0, 20, 1, 26, 0, 2, 1,
    57, 0, 4, 1, 4, 1, 2, 2, 3, 0, 30, 1, 3, 0, 11, 1, 57, 0, 4, 4, 1, 1, 4, 0, 20, 1, 22, 5, 1, 0, 58, 0,
    2, 0, 1, 3, 8, 0, 7, 1, 11, 1, 30, 0, 61, 0, 12, 0, 50, 0, 3, 0, 55, 0, 1, 2, 5, 2, 1, 3, 7, 1, 11, 1,
    29, 0, 58, 0, 2, 0, 6, 0, 5, 1, 20, 1, 28, 1, 57, 1, 4, 3, 8, 0, 20, 1, 29, 0, 72, 0, 7, 2, 1, 0, 90, 0,
    2, 6, 11, 8, 98, 0, 2, 8, 9, 0, 1, 6, 73, 1, 27, 0, 1, 0, 1, 0, 55, 13, 1, 4, 1, 1, 5, 10, 1, 35, 9, 0,
    102, 3, 1, 5, 1, 1, 2, 1, 25, 1, 4, 2, 16, 3, 13, 0, 2, 1, 6, 0, 15, 0, 94, 0, 224, 4, 2, 178, 7, 2, 29,
    1, 30, 1, 30, 1, 64, 1, 1, 6, 8, 0, 2, 10, 3, 0, 5, 0, 45, 4, 51, 0, 65, 1, 34, 0, 118, 2, 4, 1, 9, 0,
    6, 2, 219, 1, 1, 2, 0, 58, 0, 1, 6, 1, 0, 1, 0, 2, 7, 6, 9, 2, 0, 39, 0, 8, 45, 2, 11, 20, 3, 48, 0, 1,
    4, 1, 0, 5, 0, 40, 8, 12, 1, 32, 3, 2, 1, 1, 2, 56, 0, 1, 1, 3, 0, 1, 2, 58, 7, 2, 1, 64, 5, 82, 2, 1,
    12, 1, 6, 4, 0, 6, 0, 3, 1, 50, 62, 13, 0, 34, 100, 189, 3, 0, 1, 2, 11, 2, 13, 2, 13, 2, 13, 1, 12, 4,
    8, 1, 10, 0, 2, 0, 2, 4, 49, 4, 1, 9, 1, 0, 13, 0, 16, 12, 51, 32, 139, 23, 1, 113, 2, 125, 0, 15, 0,
    96, 31, 47, 0, 213, 3, 0, 36, 3, 3, 4, 5, 0, 93, 5, 93, 2, 150, 222, 1, 0, 226, 9, 5, 142, 2, 0, 98, 3,
    1, 9, 1, 0, 28, 3, 80, 1, 14, 33, 78, 0, 23, 2, 102, 3, 3, 1, 8, 0, 3, 0, 4, 0, 25, 1, 5, 0, 151, 1, 1,
    26, 17, 13, 0, 38, 7, 25, 10, 46, 2, 48, 0, 2, 3, 2, 1, 17, 0, 21, 1, 66, 5, 2, 1, 2, 1, 12, 0, 8, 0,
    35, 0, 11, 0, 51, 0, 1, 2, 2, 1, 5, 1, 1, 0, 27, 0, 14, 1, 5, 1, 1, 0, 100, 4, 9, 2, 121, 0, 2, 0, 4, 0,
    176, 158, 1, 0, 147, 1, 16, 189, 4, 15, 3, 0, 12, 15, 34, 0, 2, 0, 169, 1, 0, 7, 0, 6, 0, 11, 0, 35, 0,
    1, 0, 47, 0, 45, 1, 67, 0, 21, 2, 129, 4, 0, 226, 1, 0, 149, 1, 4, 133, 8, 5, 1, 41, 1, 8, 198, 4, 2, 1,
    1, 5, 3, 40, 2, 4, 0, 165, 1, 1, 189, 4, 3, 38, 0, 26, 4, 1, 0, 187, 2, 1, 24, 0, 52, 5, 70, 10, 49, 3,
    123, 0, 54, 14, 41, 0, 2, 1, 10, 2, 49, 3, 2, 1, 2, 0, 4, 0, 10, 0, 50, 2, 36, 4, 1, 7, 62, 0, 12, 1,
    52, 8, 10, 3, 2, 0, 95, 2, 2, 0, 1, 1, 6, 0, 2, 0, 157, 1, 0, 3, 7, 21, 1, 57, 1, 3, 0, 37, 6, 3, 4, 70,
    5, 13, 0, 1, 0, 1, 0, 14, 1, 85, 7, 2, 2, 1, 0, 23, 0, 84, 5, 1, 0, 4, 1, 1, 1, 238, 1, 3, 6, 1, 1, 1,
    27, 1, 85, 7, 2, 0, 1, 1, 106, 0, 1, 0, 2, 5, 1, 0, 101, 0, 1, 0, 2, 3, 1, 4, 131, 2, 8, 1, 1, 128, 2,
    1, 1, 0, 4, 0, 144, 1, 3, 2, 1, 4, 0, 32, 9, 40, 5, 2, 3, 8, 0, 9, 5, 2, 2, 46, 12, 1, 1, 198, 1, 0, 1,
    2, 1, 0, 201, 1, 6, 1, 5, 1, 0, 82, 21, 2, 6, 1, 1, 1, 1, 122, 5, 3, 0, 1, 1, 1, 6, 1, 0, 72, 1, 3, 0,
    1, 0, 65, 0, 153, 2, 1, 11, 1, 52, 4, 5, 0, 1, 0, 23, 0, 213, 41, 16, 6, 14, 200, 89, 11, 3, 2, 192, 19,
    4, 59, 6, 9, 3, 252, 3, 2, 40, 1, 226, 3, 0, 63, 16, 64, 1, 1, 1, 13, 1, 252, 127, 3, 1, 6, 1, 1, 158,
    25, 1, 1, 3, 220, 36, 45, 2, 22, 160, 4, 2, 9, 15, 2, 6, 30, 3, 148, 1, 2, 187, 15, 54, 4, 49, 8, 0, 14,
    0, 22, 4, 1, 14, 208, 10, 6, 1, 16, 2, 6, 1, 1, 1, 4, 5, 61, 33, 0, 160, 1, 13, 240, 2, 0, 61, 3, 251,
    3, 4, 254, 1, 1, 243, 1, 0, 2, 0, 7, 1, 5, 0, 9, 0, 208, 3, 6, 109, 7, 175, 21, 4, 129, 152, 48, 0, 30,
    95, 128, 1, 239, 1,
];

/// Non-ASCII characters that are cased (`Lowercase`, `Uppercase` or titlecase `Lt`), packed as [`in_packed`]
/// reads them.
/// With [`UPPER_UNMAPPED`], [`TITLECASE`] and [`RUNS`] it gives `char::is_lowercase` and
/// `char::is_uppercase` without the standard library's two tables (test `case_tables_match_the_standard_library`).
const CASED: &[u8] = &[
    170, 1, 0, 10, 0, 4, 0, 5, 22, 1, 30, 1, 194, 1, 1, 3, 4, 207, 1, 2, 34, 7, 1, 30, 4, 96, 0, 42, 3, 2,
    1, 2, 3, 1, 0, 6, 0, 1, 2, 1, 0, 1, 19, 1, 82, 1, 138, 1, 8, 165, 1, 1, 37, 9, 40, 151, 22, 37, 1, 0, 5,
    0, 2, 42, 1, 3, 160, 5, 85, 2, 5, 130, 17, 10, 5, 42, 2, 2, 64, 191, 1, 64, 149, 2, 2, 5, 2, 37, 2, 5,
    2, 7, 1, 0, 1, 0, 1, 0, 1, 30, 2, 52, 1, 6, 1, 0, 3, 2, 1, 6, 3, 3, 2, 5, 4, 12, 5, 2, 1, 6, 116, 0, 13,
    0, 16, 12, 101, 0, 4, 0, 2, 9, 1, 0, 3, 4, 6, 0, 1, 0, 1, 0, 1, 3, 1, 5, 4, 0, 2, 3, 5, 4, 4, 0, 17, 31,
    3, 1, 177, 6, 51, 150, 14, 228, 1, 6, 3, 3, 1, 12, 37, 1, 0, 5, 0, 146, 242, 1, 45, 18, 29, 132, 1, 101,
    3, 3, 1, 76, 20, 5, 1, 2, 181, 6, 42, 1, 13, 6, 79, 192, 158, 1, 6, 12, 4, 137, 8, 25, 6, 25, 165, 9,
    79, 96, 35, 4, 35, 116, 10, 1, 14, 1, 6, 1, 1, 1, 10, 1, 14, 1, 6, 1, 1, 195, 3, 0, 2, 2, 1, 41, 1, 8,
    197, 9, 50, 13, 50, 93, 21, 10, 21, 154, 22, 63, 224, 170, 1, 63, 32, 24, 2, 24, 172, 202, 1, 84, 1, 70,
    1, 1, 2, 0, 2, 1, 2, 3, 1, 11, 1, 0, 1, 6, 1, 64, 1, 3, 2, 7, 1, 6, 1, 27, 1, 3, 1, 4, 1, 0, 3, 6, 1,
    211, 2, 2, 24, 1, 24, 1, 30, 1, 24, 1, 30, 1, 24, 1, 30, 1, 24, 1, 30, 1, 24, 1, 7, 180, 14, 9, 1, 19,
    6, 5, 133, 2, 61, 146, 17, 67, 236, 15, 25, 6, 25, 6, 25,
];

/// Non-ASCII `Uppercase` characters that lowercase to themselves (ϒ, ℋ, the mathematical capitals, …):
/// `start | (len - 1) << 21`. Every other uppercase character is one that lowercases to another one.
const UPPER_UNMAPPED: &[u8] = &[
    210, 7, 2, 173, 58, 0, 4, 0, 3, 2, 2, 2, 2, 0, 3, 4, 6, 0, 3, 0, 3, 1, 2, 1, 1, 0, 10, 1, 5, 0, 186,
    229, 6, 25, 26, 25, 26, 25, 26, 0, 1, 1, 2, 0, 2, 1, 2, 3, 1, 7, 26, 25, 26, 1, 1, 3, 2, 7, 1, 6, 27, 1,
    1, 3, 1, 4, 1, 0, 3, 6, 27, 25, 26, 25, 26, 25, 26, 25, 26, 25, 26, 25, 30, 24, 33, 24, 33, 24, 33, 24,
    33, 24, 33, 0, 229, 50, 25, 6, 25, 6, 25,
];

/// Non-ASCII characters that are not `char::is_alphanumeric` (neither `Alphabetic` nor `Numeric`), in
/// [`ALNUM_EXACT`]'s regions, packed as [`in_packed`] reads them (unassigned code points and surrogates
/// count as not alphanumeric, as the standard library answers).
const NOT_ALNUM: &[u8] = &[
    128, 1, 41, 1, 6, 2, 0, 1, 2, 2, 0, 3, 0, 23, 0, 31, 0, 202, 3, 3, 12, 13, 5, 6, 1, 0, 1, 85, 1, 28,
    18, 0, 2, 1, 4, 0, 1, 5, 1, 0, 3, 0, 1, 0, 20, 0, 83, 0, 139, 1, 7, 166, 1, 0, 38, 1, 1, 5, 41, 38,
    14, 0, 1, 0, 2, 0, 2, 0, 1, 7, 27, 3, 4, 28, 11, 4, 56, 0, 17, 3, 102, 0, 8, 3, 8, 3, 16, 1, 1, 15,
    48, 12, 101, 13, 43, 8, 2, 3, 1, 4, 24, 1, 19, 18, 25, 6, 11, 4, 24, 0, 7, 6, 1, 7, 42, 9, 12, 2, 7,
    5, 76, 0, 16, 0, 3, 3, 15, 1, 10, 0, 19, 0, 8, 1, 2, 1, 22, 0, 7, 0, 1, 2, 4, 2, 8, 1, 2, 1, 2, 0,
    1, 7, 1, 3, 2, 0, 5, 1, 12, 1, 6, 1, 1, 3, 3, 0, 6, 3, 2, 1, 22, 0, 7, 0, 2, 0, 2, 0, 2, 3, 5, 3, 2,
    1, 2, 3, 1, 6, 4, 0, 1, 6, 16, 10, 3, 0, 9, 0, 3, 0, 22, 0, 7, 0, 2, 0, 5, 2, 9, 0, 3, 0, 2, 2, 1,
    14, 4, 1, 10, 8, 4, 3, 3, 0, 8, 1, 2, 1, 22, 0, 7, 0, 2, 0, 5, 2, 8, 1, 2, 1, 2, 8, 2, 3, 2, 0, 5,
    1, 10, 0, 7, 9, 2, 0, 6, 2, 3, 0, 4, 2, 2, 0, 1, 0, 2, 2, 2, 2, 3, 2, 12, 3, 5, 2, 3, 0, 3, 2, 1, 5,
    1, 13, 13, 12, 13, 0, 3, 0, 23, 0, 16, 2, 8, 0, 3, 0, 3, 7, 2, 0, 3, 0, 2, 1, 4, 1, 10, 7, 7, 0, 4,
    0, 8, 0, 3, 0, 23, 0, 10, 0, 5, 2, 8, 0, 3, 0, 3, 7, 2, 4, 3, 0, 4, 1, 10, 0, 3, 11, 13, 0, 3, 0,
    41, 1, 8, 0, 3, 0, 3, 0, 1, 4, 16, 1, 19, 0, 6, 0, 3, 0, 18, 2, 24, 0, 9, 0, 1, 1, 7, 7, 6, 0, 1, 0,
    8, 5, 10, 1, 2, 12, 58, 4, 7, 5, 1, 1, 10, 38, 2, 0, 1, 0, 5, 0, 24, 0, 1, 0, 19, 0, 3, 1, 5, 0, 1,
    5, 1, 1, 10, 1, 4, 31, 1, 30, 20, 11, 8, 0, 36, 3, 19, 3, 16, 0, 36, 66, 55, 0, 1, 1, 15, 5, 78, 1,
    38, 0, 1, 4, 1, 1, 43, 0, 205, 2, 0, 4, 1, 7, 0, 1, 0, 4, 1, 41, 0, 4, 1, 33, 0, 4, 1, 7, 0, 1, 0,
    4, 1, 15, 0, 57, 0, 4, 1, 67, 13, 20, 2, 16, 15, 86, 1, 6, 2, 236, 4, 1, 17, 0, 26, 4, 75, 2, 11, 6,
    20, 10, 21, 11, 20, 11, 13, 0, 3, 0, 2, 11, 52, 1, 19, 13, 1, 3, 1, 2, 10, 5, 10, 21, 10, 5, 89, 6,
    43, 4, 70, 9, 31, 0, 12, 3, 9, 12, 40, 1, 5, 10, 44, 3, 26, 5, 11, 36, 28, 3, 63, 1, 20, 10, 10, 5,
    10, 12, 1, 22, 2, 10, 3, 48, 52, 0, 15, 0, 8, 2, 10, 37, 42, 1, 58, 0, 11, 13, 55, 8, 10, 2, 49, 1,
    11, 4, 43, 1, 3, 40, 4, 0, 6, 0, 2, 2, 1, 4, 192, 1, 18, 34, 10, 150, 2, 1, 6, 1, 38, 1, 6, 1, 8, 0,
    1, 0, 1, 0, 1, 0, 31, 1, 53, 0, 7, 0, 1, 2, 3, 0, 7, 2, 4, 1, 6, 3, 13, 4, 3, 0, 7, 114, 2, 1, 6, 4,
    11, 5, 13, 100, 1, 3, 1, 1, 10, 0, 1, 2, 5, 5, 1, 0, 1, 0, 1, 0, 4, 0, 11, 1, 4, 4, 5, 3, 1, 0, 58,
    213, 5, 60, 25, 74, 245, 4, 30, 235, 8, 229, 1, 5, 4, 2, 2, 8, 1, 1, 38, 0, 1, 4, 1, 1, 56, 6, 1,
    15, 23, 8, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 32, 46, 1, 212, 3, 3, 24, 9, 6, 5, 1, 5,
    3, 86, 5, 3, 0, 90, 0, 4, 4, 43, 0, 94, 2, 4, 9, 32, 47, 16, 31, 10, 29, 8, 0, 15, 31, 10, 38, 15,
    191, 2, 192, 51, 63, 141, 173, 1, 66, 46, 1, 141, 2, 2, 28, 19, 47, 4, 8, 2, 113, 38, 9, 1, 103, 1,
    82, 19, 21, 0, 33, 7, 6, 9, 52, 11, 68, 0, 1, 9, 10, 23, 6, 2, 1, 0, 46, 4, 35, 12, 29, 2, 51, 0,
    12, 14, 11, 5, 31, 0, 55, 8, 14, 1, 10, 5, 23, 2, 69, 0, 1, 0, 1, 23, 3, 1, 16, 1, 4, 10, 6, 1, 6,
    1, 6, 8, 7, 0, 7, 0, 43, 0, 14, 5, 123, 4, 10, 5, 164, 87, 11, 23, 3, 49, 131, 66, 238, 2, 1, 106,
    37, 7, 11, 5, 4, 12, 0, 13, 0, 5, 0, 1, 0, 2, 0, 2, 0, 108, 32, 235, 2, 17, 64, 1, 54, 39, 12, 115,
    5, 0, 135, 1, 18, 10, 6, 26, 5, 26, 10, 89, 2, 6, 1, 6, 1, 6, 1, 3, 34, 128, 160, 3, 207, 4, 176,
    59, 255, 1, 13, 34, 26, 5, 26, 5, 26, 229, 20, 10, 5, 128, 136, 48, 127,
];

/// Where [`is_alphanumeric`] answers as the standard library: the Basic Multilingual Plane, musical
/// symbols, emoji and pictographs, tag characters. Beyond them (historic scripts, mathematical letters,
/// CJK extensions: letters and digits nearly all) every character counts as alphanumeric.
const ALNUM_EXACT: [(u32, u32); 4] = [(0x80, 0x10000), (0x1D000, 0x1D250), (0x1F000, 0x1FC00), (0xE0000, 0xE0080)];

/// `c.is_alphanumeric()`, exactly in [`ALNUM_EXACT`]'s regions (all of the Basic Multilingual Plane and
/// the emoji) and "not white space" beyond, where no white space is: 0.9 KB of data where the standard
/// library's `Alphabetic` and `Numeric` tables and their lookups are 3 KB of Wasm. Only non-ASCII
/// characters reach the table (class names, a title's words, the opening of a box's text).
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let u = c as u32;
    !(ALNUM_EXACT.iter().any(|&(a, b)| (a..b).contains(&u)) && in_packed(NOT_ALNUM, u))
}

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

/// True when `c` is in one of the ranges of `table`: each range is two LEB128 numbers, its start's
/// distance from the end of the range before (from 0 for the first) and its length less one. Read from
/// the start: the characters that ask (non-ASCII ones around a capital sigma, in non-ASCII class names)
/// are rare, and the ranges take half the bytes of a `u32` each with a binary search.
fn in_packed(table: &[u8], c: u32) -> bool {
    let mut at = 0;
    let next = |at: &mut usize| {
        let (mut v, mut shift) = (0u32, 0);
        while let Some(&b) = table.get(*at) {
            *at += 1;
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        v
    };
    let mut end = 0u32;
    while at < table.len() {
        let start = end + next(&mut at);
        if c < start {
            return false;
        }
        end = start + next(&mut at) + 1;
        if c < end {
            return true;
        }
    }
    false
}

fn ignorable(c: char) -> bool {
    in_packed(IGNORABLE, c as u32)
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
    ((c == '\u{130}' || lookup_run(c as u32).is_some()) && !title(c)) || in_packed(UPPER_UNMAPPED, c as u32)
}

/// `c.is_lowercase()`: cased, and neither uppercase nor titlecase.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_packed(CASED, c as u32) && !is_upper(c) && !title(c)
}

fn cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_packed(CASED, c as u32)
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
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // A run of ASCII copied at once and lowercased in place (most of a page's text, even in
        // Cyrillic or Greek: spaces, digits, punctuation).
        let run = i;
        while i < b.len() && b[i] < 0x80 {
            i += 1;
        }
        if i > run {
            let at = out.len();
            out.push_str(&s[run..i]);
            out[at..].make_ascii_lowercase();
        }
        let Some(c) = s[i..].chars().next() else { break };
        if c == 'Σ' {
            out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
        } else {
            push_lower(c, &mut out);
        }
        i += c.len_utf8();
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
    /// Ranges `(start, len)` packed as [`in_packed`] reads them.
    fn pack(ranges: &[(u32, u32)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut end = 0;
        for &(start, len) in ranges {
            for mut v in [start - end, len - 1] {
                while v >= 0x80 {
                    out.push(v as u8 | 0x80);
                    v >>= 7;
                }
                out.push(v as u8);
            }
            end = start + len;
        }
        out
    }

    fn generate() -> (Vec<(u32, i32)>, Vec<u8>, Vec<(u32, u32)>) {
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
                    Some((s, n)) if *s + *n == c as u32 => *n += 1,
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
        let ign = pack(&ign);
        (runs, ign, title)
    }

    #[test]
    fn tables_match_the_standard_library() {
        let (runs, ign, title) = generate();
        if runs != RUNS || ign != IGNORABLE || title != TITLECASE {
            panic!(
                "src/lower.rs's tables are stale; replace them with:\nconst RUNS: &[(u32, i32)] = &{runs:?};\nconst IGNORABLE: &[u8] = &{ign:?};\nconst TITLECASE: &[(u32, u32)] = &{title:?};"
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
    fn alphanumeric_as_the_standard_library() {
        let mut v: Vec<(u32, u32)> = Vec::new();
        for &(a, b) in &ALNUM_EXACT {
            for u in a..b {
                if char::from_u32(u).is_none_or(|c| !c.is_alphanumeric()) {
                    match v.last_mut() {
                        Some((s, n)) if *s + *n == u => *n += 1,
                        _ => v.push((u, 1)),
                    }
                }
            }
        }
        let packed = pack(&v);
        if packed != NOT_ALNUM {
            panic!("src/lower.rs's NOT_ALNUM is stale; replace it with:\nconst NOT_ALNUM: &[u8] = &{packed:?};");
        }
        // Exact in the regions; beyond them (where the standard library's "no" are unassigned code
        // points, private use, and symbols and punctuation of historic scripts) no white space.
        for c in chars() {
            let exact = c.is_ascii() || ALNUM_EXACT.iter().any(|&(a, b)| (a..b).contains(&(c as u32)));
            if exact {
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            } else {
                assert!(is_alphanumeric(c) && !c.is_whitespace(), "{c:?}");
            }
        }
    }

    #[test]
    fn case_tables_match_the_standard_library() {
        let ranges = |f: &dyn Fn(char) -> bool| {
            let mut v: Vec<(u32, u32)> = Vec::new();
            for c in chars().filter(|c| !c.is_ascii() && f(*c)) {
                match v.last_mut() {
                    Some((s, n)) if *s + *n == c as u32 => *n += 1,
                    _ => v.push((c as u32, 1)),
                }
            }
            pack(&v)
        };
        let lowers_to_other = |c: char| c.to_lowercase().ne([c]);
        let title = |c: char| lowers_to_other(c) && !c.is_uppercase();
        let cased = ranges(&|c| c.is_lowercase() || c.is_uppercase() || title(c));
        let unmapped = ranges(&|c| c.is_uppercase() && !lowers_to_other(c));
        if cased != CASED || unmapped != UPPER_UNMAPPED {
            panic!("src/lower.rs's case tables are stale; replace them with:\nconst CASED: &[u8] = &{cased:?};\nconst UPPER_UNMAPPED: &[u8] = &{unmapped:?};");
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
