// @ts-check
// The extension end to end in headless Firefox (lib/firefox.mjs says how it is driven).
import { launchFirefox } from "./lib/firefox.mjs";
import { browserSuite } from "./lib/suite.mjs";

browserSuite("firefox", launchFirefox, { strictCspEngine: "content" });
