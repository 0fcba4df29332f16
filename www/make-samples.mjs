// Writes www/samples.json: the seed page, then every golden page under tests/golden/<case>/.
// Run from anywhere: `node www/make-samples.mjs` (tests/www checks the file is up to date).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const www = dirname(fileURLToPath(import.meta.url));
const golden = join(www, "..", "tests", "golden");
const SEED = "ksl-north-korea";

/** The URL a golden case is analysed with (the `# url:` line of expected.txt). */
function urlOf(dir) {
  const expected = join(dir, "expected.txt");
  if (!existsSync(expected)) return null;
  const m = readFileSync(expected, "utf8").match(/^# url: (\S+)/m);
  return m ? m[1] : null;
}

export function samples() {
  const list = [{ id: SEED, label: `${SEED} (seed page)`, path: `samples/${SEED}.html`, url: urlOf(join(golden, SEED)) }];
  for (const name of readdirSync(golden, { withFileTypes: true })) {
    if (!name.isDirectory() || name.name === SEED) continue;
    const dir = join(golden, name.name);
    if (!existsSync(join(dir, "source.html"))) continue;
    list.push({ id: name.name, label: name.name, path: `../tests/golden/${name.name}/source.html`, url: urlOf(dir) });
  }
  list.sort((a, b) => (a.id === SEED ? -1 : b.id === SEED ? 1 : a.id.localeCompare(b.id)));
  return list;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(www, "samples.json"), JSON.stringify(samples(), null, 2) + "\n");
  console.log("wrote www/samples.json");
}
