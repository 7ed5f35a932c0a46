// The heatmap's colours live in src/shared so the exports colour a cell as the screen does.
export * from '../../../../shared/heatmapColours';
