/**
 * Loopback port helpers.
 */
import { createServer } from 'node:net';

/**
 * Resolves true when nothing listens on 127.0.0.1:<port>.
 * @param port
 * @param host
 */
export function isPortFree(
	port: number,
	host = '127.0.0.1'
): Promise< boolean > {
	return new Promise( ( resolvePromise ) => {
		const server = createServer();
		server.once( 'error', () => resolvePromise( false ) );
		server.listen( { port, host, exclusive: true }, () =>
			server.close( () => resolvePromise( true ) )
		);
	} );
}

/**
 * A port the OS reports free on 127.0.0.1 now.
 * @param host
 */
export function freePort( host = '127.0.0.1' ): Promise< number > {
	return new Promise( ( resolvePromise, reject ) => {
		const server = createServer();
		server.once( 'error', reject );
		server.listen( { port: 0, host, exclusive: true }, () => {
			const address = server.address();
			const port =
				typeof address === 'object' && address ? address.port : 0;
			server.close( () => resolvePromise( port ) );
		} );
	} );
}
