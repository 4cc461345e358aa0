// Types of build.mjs, for the tests that import it.
export type UiAssets = Readonly<Record<'index.html' | 'app.js' | 'app.css', string>>;
export const GENERATED: string;
export function buildUiAssets(): Promise<UiAssets>;
export function assetsModule(assets: UiAssets): string;
