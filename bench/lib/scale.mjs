// The scale run's catalogues: a generated catalogue with a rail layout, served by the reference
// catalogue server as an operator's HTTP backend would serve it (home = the first page of each
// rail, further pages on request), and a variant of the build pointed at it; and the same number
// of titles shipped as the embedded catalogue, split into pages as a release build splits it.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { generateLargeCatalogue } from '../../scripts/lib/large-catalogue.mjs'
import { startCatalogueServer } from '../../scripts/lib/catalogue-server.mjs'
import { pageEmbeddedCatalogue } from '../../scripts/lib/page-catalogue.mjs'
import { makeVariant } from './build.mjs'

/**
 * Starts the catalogue server on 127.0.0.1 (close it with `server.close()`) and makes the app
 * variant. Artwork and stream URLs in the catalogue are relative, so they resolve against the
 * server's answers: the server also serves the build's static/ and the media folder.
 */
export async function scaleVariant({ count, pageSize, baseCatalogue, appDir, mediaDir, workDir }) {
  const document = generateLargeCatalogue({ count, baseCatalogue, rails: true })
  const dir = path.join(workDir, 'scale-catalogue')
  await mkdir(dir, { recursive: true })
  const server = await startCatalogueServer({
    dir,
    catalogue: document,
    pageSize,
    mounts: { '/static/': path.join(appDir, 'static'), '/media/': mediaDir },
  })
  try {
    const variant = await makeVariant({
      baseDir: appDir,
      dir: path.join(workDir, `variants/scale-${document.titles.length}`),
      appSettings: { catalogue: { backend: 'http', url: server.url } },
    })
    return {
      server,
      dir: variant.dir,
      titles: document.titles.length,
      rails: document.rails.map((rail) => ({ id: rail.id, items: rail.itemIds.length })),
    }
  } catch (error) {
    await server.close()
    throw error
  }
}

/**
 * A variant of the build whose embedded catalogue is a generated one of `count` titles, split into
 * pages by the build's own step (scripts/lib/page-catalogue.mjs), as `npm run dist` ships it.
 */
export async function embeddedScaleVariant({ count, baseCatalogue, appDir, workDir }) {
  const document = generateLargeCatalogue({ count, baseCatalogue })
  const variant = await makeVariant({
    baseDir: appDir,
    dir: path.join(workDir, `variants/scale-embedded-${document.titles.length}`),
    catalogue: JSON.stringify(document),
  })
  const split = await pageEmbeddedCatalogue(path.join(variant.dir, 'static'))
  return { dir: variant.dir, titles: document.titles.length, split }
}
