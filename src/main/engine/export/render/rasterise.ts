import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, fontFiles } from './fonts';

/** An SVG drawn to PNG at `width` pixels wide, with the bundled fonts only. */
export function svgToPng(svg: string, width: number): Buffer {
  const { regular, bold } = fontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [regular, bold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
