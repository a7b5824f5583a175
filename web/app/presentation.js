// How the page draws what the contract names. The names themselves come from the server
// (contract.js); this is only what the server cannot know: colours and glyphs.

// Okabe-Ito, the colour-blind-safe palette. Its black would vanish on the dark wall, so that
// slot is drawn in near-white. A glyph goes with every colour: colour is never the only cue.
const TASK_FORCE_LOOKS = {
  DRUGS: { colour: '#E69F00', glyph: '●' },
  HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION: { colour: '#56B4E9', glyph: '▲' },
  SMUGGLING_CUSTOMS_FRAUD: { colour: '#009E73', glyph: '■' },
  STOLEN_VEHICLES: { colour: '#F0E442', glyph: '◆' },
  FINANCIAL_COMPUTER_CRIME: { colour: '#0072B2', glyph: '▼' },
  TERRORISM: { colour: '#D55E00', glyph: '★' },
  CONTAINER_SECURITY: { colour: '#CC79A7', glyph: '✚' },
  ENVIRONMENT_NATURE: { colour: '#E8E8E8', glyph: '⬢' },
};

// A task force the server adds before this page learns its look still gets its row and its
// name, in a neutral grey with a hollow glyph.
const UNKNOWN_LOOK = { colour: '#9AA5B4', glyph: '◇' };

export function taskForceLook(code) {
  return TASK_FORCE_LOOKS[code] ?? UNKNOWN_LOOK;
}

export const STATUS_GLYPHS = { OPEN: '○', ACTION_TAKEN: '◐', CLOSED: '●' };
