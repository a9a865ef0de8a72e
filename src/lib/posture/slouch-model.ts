/** The shipped desk slouch network (weights rebuilt by `npm run train`, see slouch-net.ts). */
import weights from './slouch-model.json' with { type: 'json' };
import { parseSlouchModel, type SlouchModel } from './slouch-net';

export const SLOUCH_MODEL: SlouchModel = parseSlouchModel(weights);
