// @ts-check
// The extension end to end in headless Chromium (lib/chromium.mjs says how it is driven).
import { launchChromium } from "./lib/chromium.mjs";
import { browserSuite } from "./lib/suite.mjs";

browserSuite("chromium", launchChromium, { strictCspEngine: "background" });
