/** Translation as screens and view models receive it (the SDK's Language.translate, or a fake). */
export type Translate = (key: string, values?: Record<string, string | number>) => string
