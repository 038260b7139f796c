/**
 * A session status key's translated label (the schema's), or the key itself for an unknown one.
 */
/** Internal dependencies */
import { orderStatuses } from '../../schema';
import { schemaText } from '../../schema-text';

export function statusLabel( key: string ): string {
	const status = orderStatuses.find( ( s ) => s.key === key );
	return status ? schemaText( status.label ) : key;
}
