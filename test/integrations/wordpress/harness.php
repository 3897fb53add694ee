<?php
// Runs WordPress's own code without a database or an install: extracts the plugin zip with WordPress's PclZip (what
// the plugin upload uses where PHP has no ZipArchive), loads kses and the script and style loaders from wp-includes,
// loads the plugin, then cleans each case with wp_kses( $html, 'post' ) and prints what the theme's <head> would get.
// Input on stdin, JSON: { wordpress, zip, plugins, cases: [html…], url?, filterUrl?, themeRemovesForms?, theme? }.
// Output on stdout, JSON: { withoutPlugin: [html…], kses: [html…], uri: [name…], head: '<link …><script …>' }.
$input = json_decode( stream_get_contents( STDIN ), true );

define( 'ABSPATH', rtrim( $input['wordpress'], '/' ) . '/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_CONTENT_DIR', dirname( $input['plugins'] ) );
define( 'WP_CONTENT_URL', 'https://news.example/wp-content' );
define( 'WP_PLUGIN_DIR', $input['plugins'] );
define( 'WP_PLUGIN_URL', WP_CONTENT_URL . '/plugins' );
define( 'WPMU_PLUGIN_DIR', WP_CONTENT_DIR . '/mu-plugins' );
define( 'WPMU_PLUGIN_URL', WP_CONTENT_URL . '/mu-plugins' );

require ABSPATH . 'wp-admin/includes/class-pclzip.php';
$archive = new PclZip( $input['zip'] );
if ( 0 === $archive->extract( PCLZIP_OPT_PATH, WP_PLUGIN_DIR ) ) {
	fwrite( STDERR, 'PclZip: ' . $archive->errorInfo( true ) . "\n" );
	exit( 1 );
}

foreach ( array( 'load.php', 'plugin.php', 'functions.php', 'formatting.php', 'kses.php', 'link-template.php', 'class-wp-dependency.php', 'class-wp-dependencies.php', 'class-wp-scripts.php', 'class-wp-styles.php', 'functions.wp-scripts.php', 'functions.wp-styles.php' ) as $file ) {
	require ABSPATH . WPINC . '/' . $file;
}
// The one option the loaders read (esc_attr() asks for the charset). No database: it comes through WordPress's own
// pre_option_ filter, the way a site pins an option in code.
add_filter( 'pre_option_blog_charset', function () { return 'UTF-8'; } );
$before = array_map( function ( $html ) { return wp_kses( $html, 'post' ); }, $input['cases'] );

// What a site sets in wp-config.php or a theme, when the test asks for it.
if ( isset( $input['url'] ) ) {
	define( 'FJORD_ELEMENTS_URL', $input['url'] );
}
if ( isset( $input['filterUrl'] ) ) {
	add_filter( 'fjord_elements_url', function () use ( $input ) { return $input['filterUrl']; } );
}
if ( ! empty( $input['themeRemovesForms'] ) ) {
	add_filter( 'wp_kses_allowed_html', function ( $tags ) { unset( $tags['form'], $tags['input'] ); return $tags; }, 20 );
}

if ( isset( $input['theme'] ) ) {
	// A theme's functions.php instead of the plugin.
	require $input['theme'] . '/functions.php';
} else {
	// As wp-settings.php does before it loads plugins.
	$GLOBALS['wp_plugin_paths'] = array();
	wp_register_plugin_realpath( WP_PLUGIN_DIR . '/fjord-elements/fjord-elements.php' );
	require WP_PLUGIN_DIR . '/fjord-elements/fjord-elements.php';
}

$output = array(
	'withoutPlugin' => $before,
	'kses'          => array_map( function ( $html ) { return wp_kses( $html, 'post' ); }, $input['cases'] ),
	'uri'           => wp_kses_uri_attributes(),
);

do_action( 'wp_enqueue_scripts' );
ob_start();
wp_print_styles();
wp_print_scripts();
$output['head'] = ob_get_clean();

echo json_encode( $output );
