import type { PhpValueDocs, PhpValueGroup } from './types';

/**
 * Pairs a schema group with its PHP docs; the docs must name every key of the group.
 * @param values
 * @param docs
 */
export function phpGroup<
	T extends Readonly< Record< string, string | number > >,
>( values: T, docs: PhpValueDocs< T > ): PhpValueGroup {
	return { values, docs };
}
