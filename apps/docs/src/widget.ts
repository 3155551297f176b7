/** What a mounted widget hands back so its host can tear it down. */
export interface WidgetHandle {
  destroy(): void;
}

/**
 * Builds a widget inside `root`. `params` are the widget's attributes from the markdown
 * (e.g. `expr="x^2"`), as a plain record.
 *
 * @example
 * ```ts
 * export const mount: MountWidget = (root) => { root.append('hello'); return { destroy() {} }; };
 * ```
 */
export type MountWidget = (root: HTMLElement, params: Readonly<Record<string, string>>) => WidgetHandle | Promise<WidgetHandle>;

/** A widget module: lazily imported, exports `mount`. */
export interface WidgetModule {
  mount: MountWidget;
}
