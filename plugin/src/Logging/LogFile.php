<?php
/**
 * The CartBay JSON-lines log file under the uploads folder, its one backup, rotation and retention.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Logging;

use WPAnchorBay\CartBay\Generated\LogSchema;

defined( 'ABSPATH' ) || exit;

/**
 * `wp-content/uploads/cartbay/cartbay.log` (LogSchema::DIRECTORY, FILE_NAME): one JSON object a line, appended
 * under an exclusive lock. When a line would take the file past the size cap it is renamed to the backup
 * (`cartbay.log.1`, replacing the previous one) and a new file is started. The folder gets an `index.php` and
 * a deny-all `.htaccess` before the first line is written.
 *
 * Direct file functions are used on purpose: WP_Filesystem has no locked append, and the log must never
 * ask for credentials.
 */
final class LogFile {

	/**
	 * Bytes read at a time when the file is read backwards.
	 */
	private const READ_CHUNK_BYTES = 65536;

	/**
	 * The folder holding the log files ('' when the uploads folder is unknown).
	 *
	 * @return string
	 */
	public static function directory(): string {
		$uploads = wp_upload_dir( null, false );
		if ( ! is_array( $uploads ) || empty( $uploads['basedir'] ) ) {
			return '';
		}
		return trailingslashit( (string) $uploads['basedir'] ) . LogSchema::DIRECTORY;
	}

	/**
	 * The current log file ('' when the uploads folder is unknown).
	 *
	 * @return string
	 */
	public static function path(): string {
		$directory = self::directory();
		return '' === $directory ? '' : $directory . '/' . LogSchema::FILE_NAME;
	}

	/**
	 * The backup a rotation keeps ('' when the uploads folder is unknown).
	 *
	 * @return string
	 */
	public static function backup_path(): string {
		$path = self::path();
		return '' === $path ? '' : $path . LogSchema::BACKUP_SUFFIX;
	}

	/**
	 * Makes the folder and its web-access guards (index.php, .htaccess deny) when missing.
	 *
	 * @return bool Whether the folder exists and is guarded.
	 */
	public static function protect(): bool {
		$directory = self::directory();
		if ( '' === $directory || ! wp_mkdir_p( $directory ) ) {
			return false;
		}
		$guards = array(
			'index.php' => "<?php\n// Silence is golden.\n",
			'.htaccess' => "# CartBay logs: no web access.\n<IfModule mod_authz_core.c>\n\tRequire all denied\n</IfModule>\n<IfModule !mod_authz_core.c>\n\tOrder allow,deny\n\tDeny from all\n</IfModule>\n",
		);
		foreach ( $guards as $name => $content ) {
			$file = $directory . '/' . $name;
			if ( ! file_exists( $file ) && false === file_put_contents( $file, $content ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a tiny guard file, written once.
				return false;
			}
		}
		return true;
	}

	/**
	 * Appends one line, rotating first when it would take the file past $max_bytes.
	 *
	 * @param string $line      One JSON object, without the newline.
	 * @param int    $max_bytes Size cap of the current file.
	 * @return bool Whether the line was written.
	 */
	public static function append( string $line, int $max_bytes ): bool {
		$path = self::path();
		if ( '' === $path || ! self::protect() ) {
			return false;
		}
		$line .= "\n";
		// A writer that waited for the lock while another rotated holds the backup: it opens the file again.
		for ( $try = 0; $try < 3; $try++ ) {
			$handle = fopen( $path, 'ab' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- locked append, see the class doc.
			if ( false === $handle ) {
				return false;
			}
			if ( ! flock( $handle, LOCK_EX ) ) {
				fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- see the class doc.
				return false;
			}
			clearstatcache( true, $path );
			$stat    = fstat( $handle );
			$current = file_exists( $path ) ? stat( $path ) : false;
			if ( false === $stat || false === $current || $stat['ino'] !== $current['ino'] ) {
				flock( $handle, LOCK_UN );
				fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- see the class doc.
				continue;
			}
			if ( $stat['size'] > 0 && $stat['size'] + strlen( $line ) > $max_bytes ) {
				rename( $path, self::backup_path() ); // phpcs:ignore WordPress.WP.AlternativeFunctions.rename_rename -- rotation under the lock.
				flock( $handle, LOCK_UN );
				fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- see the class doc.
				continue;
			}
			$written = fwrite( $handle, $line ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- see the class doc.
			fflush( $handle );
			flock( $handle, LOCK_UN );
			fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- see the class doc.
			return strlen( $line ) === $written;
		}
		return false;
	}

	/**
	 * Removes entries written before $cutoff from the file and its backup (a backup left empty is deleted).
	 *
	 * @param int $cutoff Unix time: older entries go.
	 * @return int Entries removed.
	 */
	public static function prune( int $cutoff ): int {
		$removed = 0;
		foreach ( array( self::backup_path(), self::path() ) as $file ) {
			if ( '' !== $file && file_exists( $file ) ) {
				$removed += self::prune_file( $file, $cutoff );
			}
		}
		return $removed;
	}

	/**
	 * Rewrites one file without its entries older than $cutoff, under its lock.
	 *
	 * @param string $file   File.
	 * @param int    $cutoff Unix time.
	 * @return int Entries removed.
	 */
	private static function prune_file( string $file, int $cutoff ): int {
		$handle = fopen( $file, 'r+b' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- rewritten under its lock.
		if ( false === $handle ) {
			return 0;
		}
		$removed = 0;
		$kept    = '';
		if ( flock( $handle, LOCK_EX ) ) {
			while ( true ) {
				$line = fgets( $handle );
				if ( false === $line ) {
					break;
				}
				$entry = json_decode( $line, true );
				if ( ! is_array( $entry ) || (int) ( $entry['ts'] ?? 0 ) < $cutoff ) {
					++$removed;
					continue;
				}
				$kept .= $line;
			}
			if ( $removed > 0 ) {
				ftruncate( $handle, 0 );
				rewind( $handle );
				fwrite( $handle, $kept ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- see the class doc.
				fflush( $handle );
			}
			flock( $handle, LOCK_UN );
		}
		fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- see the class doc.
		if ( '' === $kept && $file === self::backup_path() ) {
			wp_delete_file( $file );
		}
		return $removed;
	}

	/**
	 * The newest entries, newest first: the file, then its backup, read backwards, at most $limit.
	 *
	 * @param int $limit Most entries read.
	 * @return array<int, array<string, mixed>> Decoded entries (lines that are not JSON objects are skipped).
	 */
	public static function newest( int $limit ): array {
		$entries = array();
		foreach ( array( self::path(), self::backup_path() ) as $file ) {
			if ( '' === $file || ! is_readable( $file ) ) {
				continue;
			}
			foreach ( self::lines_backwards( $file, $limit - count( $entries ) ) as $line ) {
				$entry = json_decode( $line, true );
				if ( is_array( $entry ) ) {
					$entries[] = $entry;
				}
			}
			if ( count( $entries ) >= $limit ) {
				break;
			}
		}
		return $entries;
	}

	/**
	 * The last $limit lines of a file, last first.
	 *
	 * @param string $file  File.
	 * @param int    $limit Most lines.
	 * @return string[]
	 */
	private static function lines_backwards( string $file, int $limit ): array {
		$handle = fopen( $file, 'rb' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- read backwards in chunks.
		if ( false === $handle || $limit <= 0 ) {
			return array();
		}
		$lines = array();
		flock( $handle, LOCK_SH );
		fseek( $handle, 0, SEEK_END );
		$position = ftell( $handle );
		$rest     = '';
		while ( $position > 0 && count( $lines ) < $limit ) {
			$size      = min( self::READ_CHUNK_BYTES, $position );
			$position -= $size;
			fseek( $handle, $position );
			$chunk = $rest . fread( $handle, $size ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fread -- see the class doc.
			$parts = explode( "\n", $chunk );
			$rest  = (string) array_shift( $parts ); // Maybe the end of a line in the chunk before.
			for ( $i = count( $parts ) - 1; $i >= 0 && count( $lines ) < $limit; $i-- ) {
				if ( '' !== $parts[ $i ] ) {
					$lines[] = $parts[ $i ];
				}
			}
		}
		if ( '' !== $rest && count( $lines ) < $limit ) {
			$lines[] = $rest;
		}
		flock( $handle, LOCK_UN );
		fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- see the class doc.
		return $lines;
	}
}
