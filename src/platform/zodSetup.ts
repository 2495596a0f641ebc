import * as z from 'zod'

/**
 * Zod compiles a parser for each object schema with `new Function` on its first parse. The app
 * parses each feed once (a catalogue, a page of it, settings), so compiling costs more than it
 * saves, and on home's critical path; a box whose engine forbids eval (a strict policy) would
 * also report the probe zod makes. Set before any schema is built: each schema reads it then.
 */
z.config({ jitless: true })
