// Where the documentation lives, for the banner, --help and the server's index page. The package
// ships only its README, so these point at the repository (package.json's "repository"; a test
// keeps them in step).
export const REPOSITORY_URL = 'https://github.com/revokit/revokit';
const DOCS = `${REPOSITORY_URL}/blob/main/docs`;

export const DOCS_LINKS = {
  server: `${DOCS}/server.md`,
  seedFile: `${DOCS}/server.md#seed-file`,
  curlWalkthrough: `${DOCS}/server.md#walkthrough-with-curl`,
  controlPlane: `${DOCS}/server.md#control-plane`,
  sessions: `${DOCS}/server.md#sessions`,
  recipes: `${DOCS}/recipes/README.md`,
  troubleshooting: `${DOCS}/troubleshooting.md`,
  index: `${DOCS}/README.md`,
} as const;
