<?php
// The router of the test site's PHP built-in server: the widgets' module arrives 700 ms late, so that a post's page is
// laid out and painted before the widgets upgrade (what a slow network does). Files and folders are served as the
// server serves them (files as they are, PHP files run, folders by their index.php); any other path goes to
// WordPress's index.php, as its .htaccess rules do under Apache (pretty permalinks, /favicon.ico).
$path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( preg_match( '~/plugins/fjord-elements/cdn/fjord-elements\.js$~', $path ) ) {
	usleep( 700000 );
}
if ( file_exists( $_SERVER['DOCUMENT_ROOT'] . urldecode( $path ) ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $_SERVER['DOCUMENT_ROOT'] );
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
