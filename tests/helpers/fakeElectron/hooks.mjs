const fakeElectron = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: fakeElectron, shortCircuit: true };
  return next(specifier, context);
}
