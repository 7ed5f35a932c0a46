import type { SlideContent, StoryContent } from '../content';
import { svgToPng } from '../render/rasterise';
import { slideSvg } from '../render/slideSvg';

export type PngSize = '1920x1080' | '3840x2160';

export function pngWidth(size: PngSize): number {
  return size === '3840x2160' ? 3840 : 1920;
}

/** One PNG per slide, drawn from the same 1920x1080 layout at either size. */
export function writeSlidePngs(story: StoryContent, size: PngSize = '1920x1080'): Buffer[] {
  return story.slides.map((slide) => writeSlidePng(slide, story, size));
}

export function writeSlidePng(
  slide: SlideContent,
  story: Pick<StoryContent, 'title'>,
  size: PngSize = '1920x1080',
): Buffer {
  return svgToPng(slideSvg(slide, story), pngWidth(size));
}
