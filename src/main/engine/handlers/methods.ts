import { z } from 'zod';
import { contract, METHOD_NAMES } from '../../../shared/contract';
import type { Handler } from './context';

export const methods: Handler<'methods'> = async () => ({
  methods: METHOD_NAMES.map((name) => ({
    name,
    description: contract[name].description,
    input: z.toJSONSchema(contract[name].input),
    output: z.toJSONSchema(contract[name].output, { unrepresentable: 'any' }),
  })),
});
