import type { FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

export declare const fuses: FuseV1Config;
export declare function electronBinary(context: AfterPackContext): string;
export default function afterPack(context: AfterPackContext): Promise<void>;
