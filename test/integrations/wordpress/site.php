<?php
// Runs WordPress's PHP API in the test site (site.mjs): loads its wp-load.php, then runs each command in turn.
// Input on stdin, JSON: { root, commands: [ { do, … } … ] }. Output on stdout, JSON: one result per command.
//   { do: 'install-plugin', zip }             as the administrator: Plugin_Upgrader installs the zip, as Plugins → Add
//                                             New → Upload Plugin does, then activate_plugin() → { installed, active }
//   { do: 'add-user', login, role, password } → { id }
//   { do: 'post', author, title, content }    wp_insert_post() as that user, published → { id, url, content (stored), unfilteredHtml }
//   { do: 'filter', filter, html, plugin }    apply_filters( filter, html ); plugin: false takes the plugin's wpautop guard out first → { html }
//   { do: 'option', name, value }             update_option() → { value }
//   { do: 'post-content', id }                → { content } as stored
$input = json_decode( stream_get_contents( STDIN ), true );
require rtrim( $input['root'], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

$results = array();
foreach ( $input['commands'] as $command ) {
	switch ( $command['do'] ) {
		case 'install-plugin':
			wp_set_current_user( 1 );
			$upgrader  = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
			$installed = $upgrader->install( $command['zip'] );
			$file      = $upgrader->plugin_info();
			$activated = $file ? activate_plugin( $file ) : new WP_Error( 'no-plugin', 'no plugin in the zip' );
			$results[] = array(
				'installed' => true === $installed,
				'file'      => $file,
				'active'    => ! is_wp_error( $activated ) && is_plugin_active( $file ),
				'messages'  => $upgrader->skin->get_upgrade_messages(),
				'error'     => is_wp_error( $activated ) ? $activated->get_error_message() : ( is_wp_error( $installed ) ? $installed->get_error_message() : null ),
			);
			break;
		case 'add-user':
			$id        = wp_insert_user( array( 'user_login' => $command['login'], 'user_pass' => $command['password'], 'user_email' => $command['login'] . '@example.org', 'role' => $command['role'] ) );
			$results[] = array( 'id' => is_wp_error( $id ) ? null : $id, 'error' => is_wp_error( $id ) ? $id->get_error_message() : null );
			break;
		case 'post':
			// Setting the user starts kses for users without "unfiltered_html" (kses_init on set_current_user).
			wp_set_current_user( $command['author'] );
			$id        = wp_insert_post( array( 'post_title' => $command['title'], 'post_content' => $command['content'], 'post_status' => 'publish', 'post_author' => $command['author'] ), true );
			$results[] = array(
				'id'             => is_wp_error( $id ) ? null : $id,
				'url'            => is_wp_error( $id ) ? null : get_permalink( $id ),
				'content'        => is_wp_error( $id ) ? $id->get_error_message() : get_post_field( 'post_content', $id, 'raw' ),
				'unfilteredHtml' => current_user_can( 'unfiltered_html' ),
			);
			break;
		case 'filter':
			if ( empty( $command['plugin'] ) ) {
				remove_filter( $command['filter'], 'fjord_elements_protect', 9 );
				remove_filter( $command['filter'], 'fjord_elements_restore', 11 );
			}
			$results[] = array( 'html' => apply_filters( $command['filter'], $command['html'] ) );
			if ( empty( $command['plugin'] ) ) {
				add_filter( $command['filter'], 'fjord_elements_protect', 9 );
				add_filter( $command['filter'], 'fjord_elements_restore', 11 );
			}
			break;
		case 'option':
			update_option( $command['name'], $command['value'] );
			$results[] = array( 'value' => get_option( $command['name'] ) );
			break;
		case 'post-content':
			$results[] = array( 'content' => get_post_field( 'post_content', $command['id'], 'raw' ) );
			break;
		default:
			fwrite( STDERR, 'site.php: unknown command ' . $command['do'] . "\n" );
			exit( 1 );
	}
}
echo wp_json_encode( $results );
