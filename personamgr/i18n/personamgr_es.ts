<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AccountConnectDialog</name>
    <message>
        <source>Connect {persona} to {network}</source>
        <translation>Conectar {persona} a {network}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connect {persona} to a {network} account.&lt;/b&gt; The credentials stay in your system keyring.</source>
        <translation>&lt;b&gt;Conecta {persona} a una cuenta de {network}.&lt;/b&gt; Las credenciales se quedan en el llavero del sistema.</translation>
    </message>
    <message>
        <source>{persona} may switch to a different {network} account than before</source>
        <translation>{persona} puede cambiar a otra cuenta de {network} distinta de la anterior</translation>
    </message>
    <message>
        <source>Allow switching accounts</source>
        <translation>Permitir cambiar de cuenta</translation>
    </message>
    <message>
        <source>fosstodon.org</source>
        <translation>fosstodon.org</translation>
    </message>
    <message>
        <source>Mastodon server</source>
        <translation>Servidor de Mastodon</translation>
    </message>
    <message>
        <source>Open the sign-in page…</source>
        <translation>Abrir la página de inicio de sesión…</translation>
    </message>
    <message>
        <source>the code your server shows after you authorise personamgr</source>
        <translation>el código que muestra tu servidor después de autorizar a personamgr</translation>
    </message>
    <message>
        <source>Authorisation code</source>
        <translation>Código de autorización</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <source>Asking your server to start signing in…</source>
        <translation>Pidiendo a tu servidor que empiece el inicio de sesión…</translation>
    </message>
    <message>
        <source>Log in as the account {persona} should post as, authorise personamgr, then paste the code here.</source>
        <translation>Inicia sesión con la cuenta con la que debe publicar {persona}, autoriza a personamgr y pega aquí el código.</translation>
    </message>
    <message>
        <source>Checking the code with your server…</source>
        <translation>Comprobando el código con tu servidor…</translation>
    </message>
    <message>
        <source>alice.bsky.social</source>
        <translation>alice.bsky.social</translation>
    </message>
    <message>
        <source>Bluesky handle</source>
        <translation>Usuario de Bluesky</translation>
    </message>
    <message>
        <source>xxxx-xxxx-xxxx-xxxx</source>
        <translation>xxxx-xxxx-xxxx-xxxx</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>Contraseña de aplicación</translation>
    </message>
    <message>
        <source>&amp;Handle</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;App password</source>
        <translation>&amp;Contraseña de aplicación</translation>
    </message>
    <message>
        <source>Signing in to Bluesky…</source>
        <translation>Iniciando sesión en Bluesky…</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>on {network}</source>
        <translation>en {network}</translation>
    </message>
    <message>
        <source>{handle} on {network}</source>
        <translation>{handle} en {network}</translation>
    </message>
    <message>
        <source>Expected one object with {keys}.</source>
        <translation>Se esperaba un objeto con {keys}.</translation>
    </message>
    <message>
        <source>The tokens are not valid JSON (line {line}, column {column}: {error}). {expected}</source>
        <translation>Los tokens no son JSON válido (línea {line}, columna {column}: {error}). {expected}</translation>
    </message>
    <message>
        <source>The tokens must be one JSON object. {expected}</source>
        <translation>Los tokens deben ser un único objeto JSON. {expected}</translation>
    </message>
    <message>
        <source>The tokens lack {missing}. {expected}</source>
        <translation>A los tokens les falta {missing}. {expected}</translation>
    </message>
    <message>
        <source>Unexpected keys in the tokens: {keys}. {expected}</source>
        <translation>Claves inesperadas en los tokens: {keys}. {expected}</translation>
    </message>
    <message>
        <source>user {id}</source>
        <translation>usuario {id}</translation>
    </message>
    <message>
        <source>{persona} was connected to another {network} account ({was}); these credentials are for {handle}. If you mean to switch {persona} to {handle}, confirm the switch.{hint}</source>
        <translation>{persona} estaba conectada a otra cuenta de {network} ({was}); estas credenciales son de {handle}. Si quieres cambiar {persona} a {handle}, confirma el cambio.{hint}</translation>
    </message>
    <message>
        <source>{handle} is already connected to the persona {persona}.{hint}</source>
        <translation>{handle} ya está conectada a la persona {persona}.{hint}</translation>
    </message>
    <message>
        <source>{persona} was not switched to {handle}: {why}. {persona} still posts as {was}.</source>
        <translation>{persona} no se cambió a {handle}: {why}. {persona} sigue publicando como {was}.</translation>
    </message>
    <message>
        <source>{persona} was not connected to {handle}: {why}.</source>
        <translation>{persona} no se conectó a {handle}: {why}.</translation>
    </message>
    <message>
        <source>The keyring kept {handle}&apos;s credentials for {persona} all the same, and would not take the earlier ones back: connect {persona} again once the database can be written.</source>
        <translation>El llavero guardó igualmente las credenciales de {handle} para {persona} y no aceptó de vuelta las anteriores: vuelve a conectar {persona} cuando se pueda escribir en la base de datos.</translation>
    </message>
    <message>
        <source>The keyring is locked, so personamgr could not save {persona}&apos;s credentials; nothing was saved. Connect again, and enter the keyring&apos;s password when your desktop asks for it.</source>
        <translation>El llavero está bloqueado, así que personamgr no pudo guardar las credenciales de {persona}; no se guardó nada. Vuelve a conectar e introduce la contraseña del llavero cuando el escritorio te la pida.</translation>
    </message>
    <message>
        <source>The keyring did not answer while personamgr saved {persona}&apos;s credentials; it may be locked and waiting for its password. Nothing was saved. Connect again, and enter the keyring&apos;s password when your desktop asks for it.</source>
        <translation>El llavero no respondió mientras personamgr guardaba las credenciales de {persona}; puede que esté bloqueado, esperando su contraseña. No se guardó nada. Vuelve a conectar e introduce la contraseña del llavero cuando el escritorio te la pida.</translation>
    </message>
    <message>
        <source>{persona} is not connected to its {network} account yet: a post scheduled for it goes out only if it is connected by then (Persona ▸ Connect account… in the window, or personamgr connect --persona {persona}).</source>
        <translation>{persona} aún no está conectada a su cuenta de {network}: una publicación programada para ella solo sale si para entonces está conectada (Persona ▸ Conectar cuenta… en la ventana, o personamgr connect --persona {persona}).</translation>
    </message>
    <message>
        <source>To send it: connect {persona} to its {network} account first (personamgr connect --persona {persona}), then personamgr posts retry {post}.</source>
        <translation>Para enviarla: conecta primero {persona} a su cuenta de {network} (personamgr connect --persona {persona}) y luego personamgr posts retry {post}.</translation>
    </message>
    <message>
        <source>To send it: {network} refused {persona}&apos;s credentials, so reconnect it first (personamgr connect --persona {persona}), then personamgr posts retry {post}.</source>
        <translation>Para enviarla: {network} rechazó las credenciales de {persona}, así que vuelve a conectarla primero (personamgr connect --persona {persona}) y luego personamgr posts retry {post}.</translation>
    </message>
</context>
<context>
    <name>AltTextDialog</name>
    <message>
        <source>Alt text for {name}</source>
        <translation>Texto alternativo de {name}</translation>
    </message>
    <message>
        <source>Say what the image shows, for people who use a screen reader or cannot load it. What matters in it for this post, not every detail.</source>
        <translation>Di qué muestra la imagen, para quien usa un lector de pantalla o no puede cargarla. Lo que importa de ella para esta publicación, no cada detalle.</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Texto alternativo</translation>
    </message>
</context>
<context>
    <name>AppInstance</name>
    <message>
        <source>Another personamgr is running for this profile ({folder}): {error}</source>
        <translation>Hay otro personamgr abierto con este perfil ({folder}): {error}</translation>
    </message>
    <message>
        <source>The background sender is finishing a post it is sending for this profile ({folder}); it stops once that is done. Open personamgr again in a moment.</source>
        <translation>El envío en segundo plano está terminando de enviar una publicación de este perfil ({folder}); se detendrá en cuanto acabe. Vuelve a abrir personamgr dentro de un momento.</translation>
    </message>
    <message>
        <source>Another personamgr is running for this profile ({folder}) but did not answer. If it is stuck, stop it, then start personamgr again.</source>
        <translation>Hay otro personamgr abierto con este perfil ({folder}), pero no responde. Si se ha quedado bloqueado, ciérralo y vuelve a abrir personamgr.</translation>
    </message>
    <message>
        <source>personamgr daemon (pid {pid}) is sending the scheduled posts of this profile ({folder}), and only one of them may send. Stop it (it stops cleanly on SIGTERM: kill {pid}), then open personamgr again.</source>
        <translation>personamgr daemon (pid {pid}) está enviando las publicaciones programadas de este perfil ({folder}), y solo uno de los dos puede enviarlas. Detenlo (se detiene limpiamente con SIGTERM: kill {pid}) y vuelve a abrir personamgr.</translation>
    </message>
    <message>
        <source>personamgr daemon is sending</source>
        <translation>personamgr daemon está enviando</translation>
    </message>
    <message>
        <source>personamgr daemon (pid {pid}) is sending the scheduled posts of this profile ({folder}). Only one of them may send, so the window cannot open beside it.</source>
        <translation>personamgr daemon (pid {pid}) está enviando las publicaciones programadas de este perfil ({folder}). Solo uno de los dos puede enviarlas, así que la ventana no puede abrirse a la vez.</translation>
    </message>
    <message>
        <source>Stop the daemon and open the window, which then sends them? A post it is sending finishes first.</source>
        <translation>¿Detener el daemon y abrir la ventana, que pasará a enviarlas? Una publicación que esté enviando termina antes.</translation>
    </message>
    <message>
        <source>Stop the daemon and open</source>
        <translation>Detener el daemon y abrir</translation>
    </message>
    <message>
        <source>Keep the daemon</source>
        <translation>Mantener el daemon</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>%n persona(s)</source>
        <translation>%n persona(s)</translation>
    </message>
    <message>
        <source>%n draft(s) and scheduled post(s)</source>
        <translation>%n publicaci(ón|ones) en borrador o programada(s)</translation>
    </message>
    <message>
        <source>%n setting(s)</source>
        <translation>%n ajuste(s)</translation>
    </message>
    <message>
        <source>%n post(s) were already here</source>
        <translation>%n publicaci(ón ya estaba|ones ya estaban) aquí</translation>
    </message>
    <message>
        <source>{file}: file not found</source>
        <translation>{file}: no se encontró el archivo</translation>
    </message>
    <message>
        <source>{file}: cannot be read: {error}</source>
        <translation>{file}: no se puede leer: {error}</translation>
    </message>
    <message>
        <source>{file}: line {line} is not UTF-8 text</source>
        <translation>{file}: la línea {line} no es texto UTF-8</translation>
    </message>
    <message>
        <source>{file}: not valid TOML: {error}</source>
        <translation>{file}: no es TOML válido: {error}</translation>
    </message>
    <message>
        <source>{file}: not a personamgr archive (a personas file is imported with File ▸ Import personas…)</source>
        <translation>{file}: no es un archivo de personamgr (un archivo de personas se importa con Archivo ▸ Importar personas…)</translation>
    </message>
    <message>
        <source>{file}: written by a newer personamgr (archive version {version}); update personamgr to import it</source>
        <translation>{file}: lo escribió un personamgr más nuevo (versión de archivo {version}); actualiza personamgr para importarlo</translation>
    </message>
    <message>
        <source>{file}: [settings] must be a table</source>
        <translation>{file}: [settings] debe ser una tabla</translation>
    </message>
    <message>
        <source>{file}: unknown setting {key}</source>
        <translation>{file}: ajuste desconocido {key}</translation>
    </message>
    <message>
        <source>{file}: &apos;post&apos; must be written as [[post]] tables</source>
        <translation>{file}: &apos;post&apos; debe escribirse como tablas [[post]]</translation>
    </message>
    <message>
        <source>{file}: post #{number}</source>
        <translation>{file}: publicación n.º {number}</translation>
    </message>
    <message>
        <source>{where}, line {line}</source>
        <translation>{where}, línea {line}</translation>
    </message>
    <message>
        <source>{where}: queue is true or false, not {value}</source>
        <translation>{where}: queue es true o false, no {value}</translation>
    </message>
    <message>
        <source>{where}: names a persona that is not in the file</source>
        <translation>{where}: nombra una persona que no está en el archivo</translation>
    </message>
    <message>
        <source>{where}: state must be draft or scheduled</source>
        <translation>{where}: el estado debe ser draft o scheduled</translation>
    </message>
    <message>
        <source>{where}: &apos;thread&apos; must be a list of texts</source>
        <translation>{where}: &apos;thread&apos; debe ser una lista de textos</translation>
    </message>
    <message>
        <source>{where}: a scheduled post needs scheduled_at (a date and time)</source>
        <translation>{where}: una publicación programada necesita scheduled_at (una fecha y hora)</translation>
    </message>
    <message>
        <source>{where}: scheduled_at needs a UTC offset</source>
        <translation>{where}: scheduled_at necesita un desfase respecto a UTC</translation>
    </message>
    <message>
        <source>{where}: scheduled_at {when} is outside the dates personamgr can schedule ({first} to {last})</source>
        <translation>{where}: scheduled_at {when} está fuera de las fechas que personamgr puede programar (de {first} a {last})</translation>
    </message>
    <message>
        <source>Imported so far: {what}. Import {name} again once that is fixed: what is already here is not added twice.</source>
        <translation>Importado hasta ahora: {what}. Vuelve a importar {name} cuando esté resuelto: lo que ya está aquí no se añade dos veces.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se ha importado nada.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>start at login is not supported on {platform}</source>
        <translation>iniciar al entrar no es posible en {platform}</translation>
    </message>
</context>
<context>
    <name>Bluesky</name>
    <message>
        <source>Bluesky refused the app password of {handle} ({error}): it was revoked or changed.</source>
        <translation>Bluesky rechazó la contraseña de aplicación de {handle} ({error}): se revocó o se cambió.</translation>
    </message>
    <message>
        <source>A part of this thread that went out earlier is no longer on Bluesky (it was deleted), so the rest cannot reply to it.</source>
        <translation>Una parte de este hilo que ya salió ya no está en Bluesky (se borró), así que el resto no puede responderle.</translation>
    </message>
    <message>
        <source>Bluesky&apos;s rate limit was reached; the post waits until it resets, then goes out by itself.</source>
        <translation>Se alcanzó el límite de peticiones de Bluesky; la publicación espera a que se renueve y luego sale sola.</translation>
    </message>
    <message>
        <source>Bluesky refused this account&apos;s session ({error}): the app password was revoked or the account signed out.</source>
        <translation>Bluesky rechazó la sesión de esta cuenta ({error}): se revocó la contraseña de aplicación o la cuenta cerró la sesión.</translation>
    </message>
    <message>
        <source>Bluesky says the session has ended ({error}).</source>
        <translation>Bluesky dice que la sesión ha terminado ({error}).</translation>
    </message>
    <message>
        <source>Bluesky does not let this account post ({error}): Bluesky&apos;s moderation took it down, or its owner deactivated it. Signing in again does not change that; the account must be restored first.</source>
        <translation>Bluesky no deja publicar a esta cuenta ({error}): la moderación de Bluesky la suspendió, o su titular la desactivó. Volver a iniciar sesión no lo cambia; primero hay que restablecer la cuenta.</translation>
    </message>
    <message>
        <source>Bluesky refused the post: {error}</source>
        <translation>Bluesky rechazó la publicación: {error}</translation>
    </message>
    <message>
        <source>Bluesky did not accept the connection in time; nothing was sent. It will be tried again.</source>
        <translation>Bluesky no aceptó la conexión a tiempo; no se envió nada. Se volverá a intentar.</translation>
    </message>
    <message>
        <source>Bluesky did not answer in time after the post was sent. It will be sent again shortly; Bluesky is asked first whether it arrived, so it cannot go out twice and needs no review.</source>
        <translation>Bluesky no respondió a tiempo después de enviar la publicación. Se volverá a enviar en breve; antes se pregunta a Bluesky si llegó, así que no puede salir dos veces y no necesita revisión.</translation>
    </message>
    <message>
        <source>Bluesky did not answer in time; it will be tried again.</source>
        <translation>Bluesky no respondió a tiempo; se volverá a intentar.</translation>
    </message>
    <message>
        <source>Bluesky cannot be reached (no network, or the connection was refused); nothing was sent. The post waits and goes out by itself when the network is back.</source>
        <translation>No se puede contactar con Bluesky (no hay red o se rechazó la conexión); no se envió nada. La publicación espera y saldrá sola cuando vuelva la red.</translation>
    </message>
    <message>
        <source>The connection to Bluesky broke after the post was sent. It will be sent again shortly; Bluesky is asked first whether it arrived, so it cannot go out twice and needs no review.</source>
        <translation>La conexión con Bluesky se cortó después de enviar la publicación. Se volverá a enviar en breve; antes se pregunta a Bluesky si llegó, así que no puede salir dos veces y no necesita revisión.</translation>
    </message>
    <message>
        <source>The connection to Bluesky broke ({name}); it will be tried again.</source>
        <translation>La conexión con Bluesky se cortó ({name}); se volverá a intentar.</translation>
    </message>
    <message>
        <source>An earlier version of this post (before it was edited) already went out on Bluesky ({post_uri}).</source>
        <translation>Una versión anterior de esta publicación (antes de editarla) ya salió en Bluesky ({post_uri}).</translation>
    </message>
    <message>
        <source>Check the account, then mark it sent, or delete it there and send this version again.</source>
        <translation>Revisa la cuenta y luego márcala como enviada, o bórrala allí y vuelve a enviar esta versión.</translation>
    </message>
    <message>
        <source>Check the account for part {part}, then mark what went out, or delete it there and send this version again from there.</source>
        <translation>Busca la parte {part} en la cuenta y luego marca lo que salió, o bórrala allí y vuelve a enviar esta versión desde ahí.</translation>
    </message>
    <message>
        <source>Bluesky refused the post as too large: {error}</source>
        <translation>Bluesky rechazó la publicación por demasiado grande: {error}</translation>
    </message>
    <message>
        <source>Bluesky had a server error ({status}: {error}); the post will be tried again.</source>
        <translation>Bluesky tuvo un error de servidor ({status}: {error}); se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>Bluesky answered in an unexpected way ({name}: {error}).</source>
        <translation>Bluesky respondió de forma inesperada ({name}: {error}).</translation>
    </message>
</context>
<context>
    <name>BlueskyConnect</name>
    <message>
        <source>{handle} is not a Bluesky handle; it looks like alice.bsky.social (or your own domain).</source>
        <translation>{handle} no es un usuario de Bluesky; tiene la forma alice.bsky.social (o tu propio dominio).</translation>
    </message>
    <message>
        <source>The handle</source>
        <translation>El usuario</translation>
    </message>
    <message>
        <source>That is not an app password (four groups of four letters or digits, like abcd-1234-efgh-5678). Make one in Bluesky under Settings → Privacy and security → App passwords; personamgr does not take your account password.</source>
        <translation>Eso no es una contraseña de aplicación (cuatro grupos de cuatro letras o cifras, como abcd-1234-efgh-5678). Crea una en Bluesky en Ajustes → Privacidad y seguridad → Contraseñas de aplicación; personamgr no acepta la contraseña de tu cuenta.</translation>
    </message>
    <message>
        <source>{handle} points to {did}, a did:web with a path, which Bluesky does not take, so no Bluesky account has that handle. Check the handle&apos;s _atproto DNS record (or its /.well-known/atproto-did file).</source>
        <translation>{handle} apunta a {did}, un did:web con ruta, que Bluesky no admite, así que ninguna cuenta de Bluesky tiene ese usuario. Revisa el registro DNS _atproto del usuario (o su archivo /.well-known/atproto-did).</translation>
    </message>
    <message>
        <source>Bluesky does not take {handle} as an account&apos;s handle: it points to the account {did}, which does not claim it, so Bluesky shows it as an invalid handle. Sign in with the handle shown on the account&apos;s profile; if {handle} is yours, point its _atproto DNS record (or its /.well-known/atproto-did file) at your account.</source>
        <translation>Bluesky no admite {handle} como usuario de una cuenta: apunta a la cuenta {did}, que no lo reconoce como suyo, así que Bluesky lo muestra como usuario no válido. Inicia sesión con el usuario que aparece en el perfil de la cuenta; si {handle} es tuyo, haz que su registro DNS _atproto (o su archivo /.well-known/atproto-did) apunte a tu cuenta.</translation>
    </message>
    <message>
        <source>No Bluesky account has the handle {handle}. Check its spelling: it is the name after @ on the account&apos;s profile.</source>
        <translation>Ninguna cuenta de Bluesky tiene el usuario {handle}. Revisa cómo se escribe: es el nombre que sigue a @ en el perfil de la cuenta.</translation>
    </message>
    <message>
        <source>Bluesky refused the handle {handle} or the app password. Check both; an app password that was revoked no longer works.</source>
        <translation>Bluesky rechazó el usuario {handle} o la contraseña de aplicación. Revisa ambos; una contraseña de aplicación revocada ya no funciona.</translation>
    </message>
    <message>
        <source>Bluesky limits sign-ins (30 per 5 minutes, 300 a day); try again after {time} UTC.</source>
        <translation>Bluesky limita los inicios de sesión (30 cada 5 minutos, 300 al día); vuelve a intentarlo después de las {time} UTC.</translation>
    </message>
    <message>
        <source>Bluesky cannot be reached. Check your connection (and the persona&apos;s server), then try again.</source>
        <translation>No se puede contactar con Bluesky. Revisa tu conexión (y el servidor de la persona) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Bluesky did not accept the connection in time, so personamgr could not sign in. Check your connection (and the persona&apos;s server), then try again.</source>
        <translation>Bluesky no aceptó la conexión a tiempo, así que personamgr no pudo iniciar la sesión. Comprueba tu conexión (y el servidor de la persona) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Bluesky could not sign in: {message}</source>
        <translation>Bluesky no pudo iniciar la sesión: {message}</translation>
    </message>
</context>
<context>
    <name>BlueskyMentions</name>
    <message>
        <source>@{handle} will go out as plain text, linking no one: no Bluesky account has this handle.</source>
        <translation>@{handle} saldrá como texto normal, sin enlazar a nadie: ninguna cuenta de Bluesky tiene este identificador.</translation>
    </message>
    <message>
        <source>@{handle} will go out as plain text, linking no one: the account it points to does not claim this handle (Bluesky shows it as an invalid handle).</source>
        <translation>@{handle} saldrá como texto normal, sin enlazar a nadie: la cuenta a la que apunta no reconoce este identificador (Bluesky lo muestra como identificador no válido).</translation>
    </message>
    <message>
        <source>@{handle} will go out as plain text, linking no one: its account&apos;s DID document could not be read, so nothing confirms the handle is that account&apos;s.</source>
        <translation>@{handle} saldrá como texto normal, sin enlazar a nadie: no se pudo leer el documento DID de su cuenta, así que nada confirma que el identificador sea de esa cuenta.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>{persona}: free queue slot, {when}</source>
        <translation>{persona}: hueco libre de la cola, {when}</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source> (a thread of {n})</source>
        <translation> (un hilo de {n})</translation>
    </message>
    <message>
        <source>{persona}, {state}, {when}{thread}: {text}</source>
        <translation>{persona}, {state}, {when}{thread}: {text}</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>+{n} más</translation>
    </message>
    <message>
        <source>%n free</source>
        <translation>%n libre(s)</translation>
    </message>
    <message>
        <source>+{n}</source>
        <translation>+{n}</translation>
    </message>
    <message>
        <source>{when} · {persona} · free</source>
        <translation>{when} · {persona} · libre</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Show the calendar of</source>
        <translation>Mostrar el calendario de</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>All personas</source>
        <translation>Todas las personas</translation>
    </message>
    <message>
        <source>Times in {persona}&apos;s zone, {zone}</source>
        <translation>Horas en la zona de {persona}, {zone}</translation>
    </message>
    <message>
        <source>Times in this computer&apos;s zone, {zone}</source>
        <translation>Horas en la zona de este ordenador, {zone}</translation>
    </message>
    <message>
        <source>Moved {persona}&apos;s post to {when}.</source>
        <translation>Publicación de {persona} movida a {when}.</translation>
    </message>
    <message>
        <source>Not moved: {error}</source>
        <translation>No se movió: {error}</translation>
    </message>
    <message>
        <source>The clocks change in {zone} between the old time and the new one: {new} there is {new_utc} UTC (it was {old}, {old_utc} UTC).</source>
        <translation>En {zone} cambia la hora entre la hora antigua y la nueva: las {new} allí son las {new_utc} UTC (antes eran las {old}, {old_utc} UTC).</translation>
    </message>
</context>
<context>
    <name>ColourSwatches</name>
    <message>
        <source>Blue</source>
        <translation>Azul</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rojo</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Verde azulado</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Morado</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Naranja</translation>
    </message>
    <message>
        <source>Navy</source>
        <translation>Azul marino</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Dorado</translation>
    </message>
</context>
<context>
    <name>ComposeScheduling</name>
    <message>
        <source>Schedule…</source>
        <translation>Programar…</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Añadir a la cola</translation>
    </message>
    <message>
        <source>Post in the persona&apos;s next free queue slot</source>
        <translation>Publicar en el siguiente hueco libre de la cola de la persona</translation>
    </message>
    <message>
        <source>&amp;Schedule…</source>
        <translation>Pro&amp;gramar…</translation>
    </message>
    <message>
        <source>Post at a date and time in the persona&apos;s own zone (Ctrl+Shift+Return)</source>
        <translation>Publicar en una fecha y hora de la zona horaria de la persona (Ctrl+Mayús+Intro)</translation>
    </message>
    <message>
        <source>Post at a date and time in the persona&apos;s own zone</source>
        <translation>Publicar en una fecha y hora de la zona horaria de la persona</translation>
    </message>
    <message>
        <source>No queue slots yet</source>
        <translation>Aún no hay huecos en la cola</translation>
    </message>
    <message>
        <source>{persona} has no queue slots yet, so there is no next free slot to put this post in.</source>
        <translation>{persona} aún no tiene huecos en la cola, así que no hay un próximo hueco libre para esta publicación.</translation>
    </message>
    <message>
        <source>Add slots on weekdays at {times} ({zone}) and queue the post? You can change the slots in the persona&apos;s settings.</source>
        <translation>¿Añadir huecos los días laborables a las {times} ({zone}) y poner la publicación en la cola? Puedes cambiar los huecos en los ajustes de la persona.</translation>
    </message>
    <message>
        <source>Add slots and queue</source>
        <translation>Añadir huecos y poner en cola</translation>
    </message>
    <message>
        <source>Not scheduled: {persona} has no queue slots. Your text is kept.</source>
        <translation>No se programó: {persona} no tiene huecos en la cola. Tu texto se conserva.</translation>
    </message>
    <message>
        <source>Scheduled for {when}.{note}</source>
        <translation>Programada para el {when}.{note}</translation>
    </message>
    <message>
        <source>Not scheduled: {error}. Your text is kept.</source>
        <translation>No se ha programado: {error}. Tu texto se conserva.</translation>
    </message>
</context>
<context>
    <name>ComposeWidget</name>
    <message>
        <source>Post as</source>
        <translation>Publicar como</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Post now. Ctrl+Return posts after a few seconds in which you can undo it.</source>
        <translation>Publicar ahora. Ctrl+Intro publica tras unos segundos en los que puedes deshacerlo.</translation>
    </message>
    <message>
        <source>Your draft for &lt;b&gt;{old}&lt;/b&gt; is kept. It is waiting there when you switch back.</source>
        <translation>Tu borrador de &lt;b&gt;{old}&lt;/b&gt; se conserva. Te espera allí cuando vuelvas.</translation>
    </message>
    <message>
        <source>Switch back to {old}</source>
        <translation>Volver a {old}</translation>
    </message>
    <message>
        <source>Move it to {new}</source>
        <translation>Moverlo a {new}</translation>
    </message>
    <message>
        <source>What&apos;s new, {name}?</source>
        <translation>¿Qué hay de nuevo, {name}?</translation>
    </message>
    <message>
        <source>Add a persona to start.</source>
        <translation>Añade una persona para empezar.</translation>
    </message>
    <message>
        <source>Moved your draft from {old} to {name}.</source>
        <translation>Tu borrador ha pasado de {old} a {name}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Your previous draft is in the history; Edit brings it back.</source>
        <translation>Tu borrador anterior está en el historial; «Editar» lo recupera.</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Publicando…</translation>
    </message>
    <message>
        <source>Not saved: your text stays here, and goes to a file when you quit (personamgr says where). {reason}</source>
        <translation>No se ha guardado: tu texto se queda aquí y pasa a un archivo al cerrar personamgr (personamgr te dice dónde). {reason}</translation>
    </message>
    <message>
        <source>Not saved yet: your text stays here and is saved as soon as it can be. {reason}</source>
        <translation>Aún no se ha guardado: tu texto se queda aquí y se guardará en cuanto se pueda. {reason}</translation>
    </message>
    <message>
        <source>{name} is not connected to an account yet: connect it to post now (Persona ▸ Connect account…).</source>
        <translation>{name} aún no está conectada a una cuenta: conéctala para publicar ahora (Persona ▸ Conectar cuenta…).</translation>
    </message>
    <message>
        <source>Sent as {name}.</source>
        <translation>Enviada como {name}.</translation>
    </message>
    <message>
        <source>Sent as {name}: a thread of %n.</source>
        <translation>Enviado como {name}: un hilo de %n.</translation>
    </message>
    <message>
        <source>Not sent yet: it will be retried. See the history.</source>
        <translation>Aún no se ha enviado: se volverá a intentar. Mira el historial.</translation>
    </message>
    <message>
        <source>Part {part} of the thread did not go out (the parts before it did). See the history: retry sends only the rest.</source>
        <translation>La parte {part} del hilo no salió (las anteriores sí). Mira el historial: reintentar envía solo el resto.</translation>
    </message>
    <message>
        <source>{state}: see the history for why. The text is kept there.</source>
        <translation>{state}: el motivo está en el historial. El texto se guarda allí.</translation>
    </message>
    <message>
        <source>Could not post: {error}. Your text is kept.</source>
        <translation>No se pudo publicar: {error}. Tu texto se conserva.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>API key</source>
        <translation>Clave de la API</translation>
    </message>
    <message>
        <source>API key secret</source>
        <translation>Secreto de la clave de la API</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>Access token secret</source>
        <translation>Secreto del token de acceso</translation>
    </message>
    <message>
        <source>Connect {name} to X</source>
        <translation>Conectar {name} a X</translation>
    </message>
    <message>
        <source>Tokens from your developer app&apos;s &quot;Keys and tokens&quot; page. X makes them there only for the account that owns the app; for another account, use Sign in with X.</source>
        <translation>Tokens de la página «Keys and tokens» de tu app de desarrollador. X solo los crea allí para la cuenta dueña de la app; para otra cuenta, usa Iniciar sesión con X.</translation>
    </message>
    <message>
        <source>Sign &amp;in with X</source>
        <translation>&amp;Iniciar sesión con X</translation>
    </message>
    <message>
        <source>Paste &amp;tokens</source>
        <translation>Pegar &amp;tokens</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connect {name} to an X account.&lt;/b&gt; The keys stay in your system keyring.</source>
        <translation>&lt;b&gt;Conecta {name} a una cuenta de X.&lt;/b&gt; Las claves se quedan en el llavero del sistema.</translation>
    </message>
    <message>
        <source>API key (consumer key)</source>
        <translation>Clave de la API (consumer key)</translation>
    </message>
    <message>
        <source>API key secret (consumer secret)</source>
        <translation>Secreto de la clave de la API (consumer secret)</translation>
    </message>
    <message>
        <source>Use another developer app</source>
        <translation>Usar otra app de desarrollador</translation>
    </message>
    <message>
        <source>Open X to authorize…</source>
        <translation>Abrir X para autorizar…</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>the PIN X shows after you authorize</source>
        <translation>el PIN que muestra X al autorizar</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>1. Your X developer app (developer portal → your app → Keys and tokens):</source>
        <translation>1. Tu app de desarrollador de X (portal de desarrolladores → tu app → Keys and tokens):</translation>
    </message>
    <message>
        <source>2. Authorize it as the account this persona should post as:</source>
        <translation>2. Autorízala con la cuenta con la que debe publicar esta persona:</translation>
    </message>
    <message>
        <source>3. Enter the PIN X shows:</source>
        <translation>3. Escribe el PIN que muestra X:</translation>
    </message>
    <message>
        <source>{name} may switch to a different X account than before</source>
        <translation>{name} puede cambiar a una cuenta de X distinta de la anterior</translation>
    </message>
    <message>
        <source>{name} posts to the sandbox now and becomes an X persona. For a Mastodon or Bluesky account, choose its network in Persona ▸ Edit {name}… first.</source>
        <translation>{name} publica ahora en Pruebas y pasará a ser una persona de X. Para una cuenta de Mastodon o Bluesky, elige primero su red en Persona ▸ Editar {name}…</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>Consultando el llavero…</translation>
    </message>
    <message>
        <source>Using your saved developer app (API key {key}…).</source>
        <translation>Se usa tu app de desarrollador guardada (clave de la API {key}…).</translation>
    </message>
    <message>
        <source>Asking X to start signing in…</source>
        <translation>Pidiendo a X que inicie la sesión…</translation>
    </message>
    <message>
        <source>Authorize the app in your browser, then enter the PIN X shows.</source>
        <translation>Autoriza la app en el navegador y luego escribe el PIN que muestra X.</translation>
    </message>
    <message>
        <source>Something unexpected happened ({error}). Nothing was saved.</source>
        <translation>Ocurrió algo inesperado ({error}). No se guardó nada.</translation>
    </message>
    <message>
        <source>If no browser opened, copy this address into one:&lt;br&gt;&lt;code&gt;{url}&lt;/code&gt;</source>
        <translation>Si no se abrió ningún navegador, copia esta dirección en uno:&lt;br&gt;&lt;code&gt;{url}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Connected {persona} to {handle}.</source>
        <translation>{persona} conectada a {handle}.</translation>
    </message>
    <message>
        <source>Checking the PIN with X…</source>
        <translation>Comprobando el PIN con X…</translation>
    </message>
    <message>
        <source>Fill in {fields}.</source>
        <translation>Rellena: {fields}.</translation>
    </message>
    <message>
        <source>Checking the tokens with X…</source>
        <translation>Comprobando los tokens con X…</translation>
    </message>
</context>
<context>
    <name>ConnectGuidance</name>
    <message>
        <source>Bluesky&apos;s SDK has no OAuth sign-in yet, so personamgr connects with an app password: make one in Bluesky under Settings → Privacy and security → App passwords. Never use your account password here.</source>
        <translation>El SDK de Bluesky aún no tiene inicio de sesión OAuth, así que personamgr se conecta con una contraseña de aplicación: crea una en Bluesky en Ajustes → Privacidad y seguridad → Contraseñas de aplicación. Nunca uses aquí la contraseña de tu cuenta.</translation>
    </message>
    <message>
        <source>An app password can be revoked at any time from the same page, without changing your account password.</source>
        <translation>Una contraseña de aplicación se puede revocar en cualquier momento desde la misma página, sin cambiar la contraseña de tu cuenta.</translation>
    </message>
    <message>
        <source>Your server shows its sign-in page, then a code to paste here. personamgr registers itself on the server once; no developer account is needed.</source>
        <translation>Tu servidor muestra su página de inicio de sesión y luego un código para pegar aquí. personamgr se registra una sola vez en el servidor; no hace falta una cuenta de desarrollador.</translation>
    </message>
    <message>
        <source>The sign-in page always asks you to log in, so you can connect a second account on the same server: log in as the account this persona should post as.</source>
        <translation>La página de inicio de sesión siempre te pide iniciar sesión, así que puedes conectar una segunda cuenta del mismo servidor: inicia sesión con la cuenta con la que debe publicar esta persona.</translation>
    </message>
    <message>
        <source>Your X developer app must have &quot;Read and write&quot; permission (developer portal → your app → User authentication settings). Tokens made while it was read-only stay read-only.</source>
        <translation>Tu aplicación de desarrollador de X debe tener el permiso &quot;Read and write&quot; (portal de desarrolladores → tu aplicación → User authentication settings). Los tokens creados mientras era de solo lectura siguen siendo de solo lectura.</translation>
    </message>
    <message>
        <source>No X developer app yet? Make one at developer.x.com (X charges its API per post). Its User authentication settings also ask for a callback URI and a website, which the PIN sign-in never uses: http://127.0.0.1/ and your profile&apos;s address will do.</source>
        <translation>¿Aún no tienes una aplicación de desarrollador de X? Créala en developer.x.com (X cobra su API por publicación). Sus User authentication settings piden además una Callback URI y un sitio web, que el inicio de sesión con PIN nunca usa: sirven http://127.0.0.1/ y la dirección de tu perfil.</translation>
    </message>
    <message>
        <source>X signs you in as whoever is logged in to X in your browser. To connect a second account, log out of X in the browser first (or use a private window), then log in as the account you want to connect.</source>
        <translation>X te identifica como quien tenga la sesión de X abierta en tu navegador. Para conectar una segunda cuenta, cierra antes la sesión de X en el navegador (o usa una ventana privada) y entra con la cuenta que quieres conectar.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Reconnect…</source>
        <translation>Volver a conectar…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name} is not connected to its {network} account yet,&lt;/b&gt; so it cannot post now. Connect it first; a post you schedule waits, and needs the account only at its time.</source>
        <translation>&lt;b&gt;{name} aún no está conectada a su cuenta de {network},&lt;/b&gt; así que no puede publicar ahora. Conéctala primero; una publicación que programes espera, y solo necesita la cuenta a su hora.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name} is not connected yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name} aún no está conectada.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Connect account…</source>
        <translation>Conectar cuenta…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}: reconnect needed.&lt;/b&gt; {network} refused its credentials, so its posts are kept but cannot go out. Reconnect the account, then send them again.</source>
        <translation>&lt;b&gt;{name}: hay que volver a conectar.&lt;/b&gt; {network} rechazó sus credenciales, así que sus publicaciones se conservan pero no pueden salir. Vuelve a conectar la cuenta y envíalas de nuevo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}: reconnect needed.&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name}: hay que volver a conectar.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>CostLine</name>
    <message>
        <source>spent {spent} of {budget} this month</source>
        <translation>gastado {spent} de {budget} este mes</translation>
    </message>
    <message>
        <source>spent {spent} this month</source>
        <translation>gastado {spent} este mes</translation>
    </message>
    <message>
        <source>{posts} of {cap} posts</source>
        <translation>{posts} de {cap} publicaciones</translation>
    </message>
    <message>
        <source>X&apos;s pay-per-use price: {post} a post, {link} with a link. {name} has posted %n time(s) this month (thread parts count).</source>
        <translation>Precio de pago por uso de X: {post} por publicación, {link} con enlace. {name} ha publicado %n ve(z|ces) este mes (cada parte de un hilo cuenta).</translation>
    </message>
    <message>
        <source>X&apos;s pacing limits are reached: it would go out after {time}.</source>
        <translation>Se han alcanzado los límites de ritmo de X: saldría después de {time}.</translation>
    </message>
</context>
<context>
    <name>Costs</name>
    <message>
        <source>the price per {what} must be a positive amount, not {value}</source>
        <translation>el precio por {what} debe ser una cantidad positiva, no {value}</translation>
    </message>
    <message>
        <source>{persona} has posted {posts} of its {cap} posts this month, and this post needs {parts}.</source>
        <translation>{persona} ha publicado {posts} de sus {cap} publicaciones de este mes, y esta necesita {parts}.</translation>
    </message>
    <message>
        <source>{persona} has posted {posts} of its {cap} posts this month, and this is one more.</source>
        <translation>{persona} ha publicado {posts} de sus {cap} publicaciones de este mes, y esta sería una más.</translation>
    </message>
    <message>
        <source>{fact} Raise the monthly post cap in the persona&apos;s settings, or schedule it for {reset} or later.</source>
        <translation>{fact} Sube el límite mensual en los ajustes de la persona, o prográmala para el {reset} o después.</translation>
    </message>
    <message>
        <source>{fact} It does not go out by itself: raise the monthly post cap in the persona&apos;s settings and send it now, or reschedule it for {reset} or later.</source>
        <translation>{fact} No saldrá por sí sola: sube el límite mensual en los ajustes de la persona y envíala ahora, o reprográmala para el {reset} o después.</translation>
    </message>
    <message>
        <source>This post would cost about {price} on X, and {persona} has spent {spent} of its {budget} monthly budget.</source>
        <translation>Esta publicación costaría unos {price} en X, y {persona} ha gastado {spent} de su presupuesto mensual de {budget}.</translation>
    </message>
    <message>
        <source>{fact} Raise the budget in the persona&apos;s settings, or schedule it for {reset} or later.</source>
        <translation>{fact} Sube el presupuesto en los ajustes de la persona, o prográmala para el {reset} o después.</translation>
    </message>
    <message>
        <source>{fact} It does not go out by itself: raise the budget in the persona&apos;s settings and send it now, or reschedule it for {reset} or later.</source>
        <translation>{fact} No saldrá por sí sola: sube el presupuesto en los ajustes de la persona y envíala ahora, o reprográmala para el {reset} o después.</translation>
    </message>
    <message>
        <source>%n post(s), {spent} this month</source>
        <translation>%n publicaci(ón|ones), {spent} este mes</translation>
    </message>
    <message>
        <source>cap %n post(s)</source>
        <translation>límite %n publicaci(ón|ones)</translation>
    </message>
    <message>
        <source>budget {budget}</source>
        <translation>presupuesto {budget}</translation>
    </message>
    <message>
        <source>{persona} has %n post(s) out and {scheduled} more scheduled for the month from {month}; with this one that is {total}, over its monthly cap of {cap}. It will be held at its time unless you raise the cap in the persona&apos;s settings or schedule it for {reset} or later.</source>
        <translation>{persona} tiene %n publicaci(ón|ones) enviada(s) y {scheduled} más programadas para el mes que empieza el {month}; con esta son {total}, por encima de su límite mensual de {cap}. Quedará retenida a su hora, salvo que subas el límite en los ajustes de la persona o la programes para el {reset} o después.</translation>
    </message>
    <message>
        <source>{persona} has spent {spent} and has {scheduled} more scheduled for the month from {month}; this post adds about {price}, so that is {total}, over its budget of {budget} a month. It will be held at its time unless you raise the budget in the persona&apos;s settings or schedule it for {reset} or later.</source>
        <translation>{persona} ha gastado {spent} y tiene {scheduled} más programados para el mes que empieza el {month}; esta publicación suma unos {price}, así que son {total}, por encima de su presupuesto de {budget} al mes. Quedará retenida a su hora, salvo que subas el presupuesto en los ajustes de la persona o la programes para el {reset} o después.</translation>
    </message>
</context>
<context>
    <name>CrossPost</name>
    <message>
        <source>{persona} is the persona it is already posted as.</source>
        <translation>{persona} es la persona con la que ya se publica.</translation>
    </message>
    <message>
        <source>{source} and {target} are both on X, whose automation rules forbid the same post on several accounts. Write it differently for each.</source>
        <translation>{source} y {target} están las dos en X, cuyas normas de automatización prohíben la misma publicación en varias cuentas. Escríbela de otra forma para cada una.</translation>
    </message>
    <message>
        <source>{source} and {target} are both on {network}; the same words on both tie the two accounts together. Write it differently for each.</source>
        <translation>{source} y {target} están las dos en {network}; las mismas palabras en ambas delatan que las dos cuentas van juntas. Escríbela de otra forma para cada una.</translation>
    </message>
</context>
<context>
    <name>CrossPostBar</name>
    <message>
        <source>Post the same words on the other network</source>
        <translation>Publicar el mismo texto en la otra red</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>It fits {persona} on {network} too. Post the same words there?</source>
        <translation>También encaja con {persona} en {network}. ¿Publicar allí el mismo texto?</translation>
    </message>
    <message>
        <source>Post to {persona}</source>
        <translation>Publicar en {persona}</translation>
    </message>
    <message>
        <source>Could not post to {persona}: {error}.</source>
        <translation>No se pudo publicar en {persona}: {error}.</translation>
    </message>
    <message>
        <source>Posted to {persona} too.</source>
        <translation>Publicado también en {persona}.</translation>
    </message>
    <message>
        <source>{persona}: {state}. {error}</source>
        <translation>{persona}: {state}. {error}</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>d MMMM</source>
        <translation>d &apos;de&apos; MMMM</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>{name} is a demo persona, and the demo connects no account: its posts stay on the built-in sandbox. Connect your own accounts in your own profile (Help ▸ Open your own profile, or personamgr without --demo): make or import your personas there, then use Persona ▸ Connect account… on each.</source>
        <translation>{name} es una persona de la demo, y la demo no conecta ninguna cuenta: sus publicaciones se quedan en Pruebas, la red de demostración integrada. Conecta tus propias cuentas en tu propio perfil (Ayuda ▸ Abrir tu propio perfil, o personamgr sin --demo): crea o importa allí tus personas y usa Persona ▸ Conectar cuenta… en cada una.</translation>
    </message>
</context>
<context>
    <name>DraftBar</name>
    <message>
        <source>Switch back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Move it here</source>
        <translation>Traerlo aquí</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Dismiss: the draft stays with its persona</source>
        <translation>Cerrar: el borrador se queda con su persona</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <source>personamgr ran into an unexpected problem: {problem}</source>
        <translation>personamgr se ha encontrado con un problema inesperado: {problem}</translation>
    </message>
    <message>
        <source>personamgr keeps running, and the text you were writing stays in the compose box. This is a bug in personamgr; please report it.</source>
        <translation>personamgr sigue funcionando y el texto que estabas escribiendo se queda en el cuadro de redacción. Es un error de personamgr; por favor, infórmanos.</translation>
    </message>
    <message>
        <source>The details are in {log}.</source>
        <translation>Los detalles están en {log}.</translation>
    </message>
    <message>
        <source>%n more unexpected problem(s) came after it.</source>
        <translation>Después (llegó|llegaron) %n problema(s) inesperado(s) más.</translation>
    </message>
</context>
<context>
    <name>Faults</name>
    <message>
        <source>the database {path} was moved to {moved_to} while personamgr ran, so nothing more is saved or sent from it here. Quit personamgr and start it again with --data-dir {folder} to go on there</source>
        <translation>la base de datos {path} se movió a {moved_to} mientras personamgr estaba abierto, así que ya no se guarda ni se envía nada desde ella aquí. Cierra personamgr y vuelve a abrirlo con --data-dir {folder} para seguir allí</translation>
    </message>
    <message>
        <source>the database {path} was moved to {moved_to} while personamgr ran, so nothing more is saved or sent from it here. Quit personamgr and start it again (with --data-dir FOLDER to go on where you moved it)</source>
        <translation>la base de datos {path} se movió a {moved_to} mientras personamgr estaba abierto, así que ya no se guarda ni se envía nada desde ella aquí. Cierra personamgr y vuelve a abrirlo (con --data-dir CARPETA para seguir donde la moviste)</translation>
    </message>
    <message>
        <source>the database {path} was removed while personamgr ran, so nothing more is saved or sent from it. Quit personamgr and start it again</source>
        <translation>la base de datos {path} se eliminó mientras personamgr estaba abierto, así que ya no se guarda ni se envía nada desde ella. Cierra personamgr y vuelve a abrirlo</translation>
    </message>
    <message>
        <source>the database {path} was moved, renamed or removed while personamgr ran, so nothing more is saved or sent from it. Quit personamgr and start it again (with --data-dir FOLDER if you moved the profile on purpose)</source>
        <translation>la base de datos {path} se movió, se renombró o se eliminó mientras personamgr estaba abierto, así que ya no se guarda ni se envía nada desde ella. Cierra personamgr y vuelve a abrirlo (con --data-dir CARPETA si moviste el perfil a propósito)</translation>
    </message>
    <message>
        <source>the disk or partition holding {folder} is mounted read-only</source>
        <translation>el disco o la partición que contiene {folder} está montado como solo lectura</translation>
    </message>
    <message>
        <source>{path} is read-only (or belongs to another user)</source>
        <translation>{path} es de solo lectura (o pertenece a otro usuario)</translation>
    </message>
    <message>
        <source>the folder {folder} is read-only (or belongs to another user)</source>
        <translation>la carpeta {folder} es de solo lectura (o pertenece a otro usuario)</translation>
    </message>
    <message>
        <source>{path} or its folder is read-only, or belongs to another user</source>
        <translation>{path} o su carpeta son de solo lectura, o pertenecen a otro usuario</translation>
    </message>
    <message>
        <source>the disk holding {folder} is full, so personamgr could not write to it. Free some space and try again; what was saved before is intact.</source>
        <translation>el disco que contiene {folder} está lleno, así que personamgr no pudo escribir en él. Libera espacio y vuelve a intentarlo; lo guardado antes está intacto.</translation>
    </message>
    <message>
        <source>the disk is full, so personamgr could not write to it. Free some space and try again; what was saved before is intact.</source>
        <translation>el disco está lleno, así que personamgr no pudo escribir en él. Libera espacio y vuelve a intentarlo; lo guardado antes está intacto.</translation>
    </message>
    <message>
        <source>personamgr ran out of memory; close other programs and try again</source>
        <translation>personamgr se quedó sin memoria; cierra otros programas y vuelve a intentarlo</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>la base de datos</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>la base de datos es de solo lectura</translation>
    </message>
    <message>
        <source>personamgr cannot write to {name}: {why}. It needs to, even to list personas. Make it writable, or use another data folder with --data-dir; nothing was changed.</source>
        <translation>personamgr no puede escribir en {name}: {why}. Lo necesita incluso para listar las personas. Haz que se pueda escribir o usa otra carpeta de datos con --data-dir; no se cambió nada.</translation>
    </message>
    <message>
        <source>{name} is locked by another program, and stayed locked while personamgr waited. If another personamgr or a database tool has it open, close that and try again; nothing was changed.</source>
        <translation>{name} está bloqueada por otro programa y siguió bloqueada mientras personamgr esperaba. Si otro personamgr o una herramienta de bases de datos la tiene abierta, ciérralos y vuelve a intentarlo; no se cambió nada.</translation>
    </message>
    <message>
        <source>{name} cannot be opened: its folder {folder} does not exist</source>
        <translation>no se puede abrir {name}: su carpeta {folder} no existe</translation>
    </message>
    <message>
        <source>personamgr cannot open {name}: {why}. Make it writable, or use another data folder with --data-dir; nothing was changed.</source>
        <translation>personamgr no puede abrir {name}: {why}. Haz que se pueda escribir o usa otra carpeta de datos con --data-dir; no se cambió nada.</translation>
    </message>
    <message>
        <source>{name} cannot be opened ({error})</source>
        <translation>no se puede abrir {name} ({error})</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read ({error}). It was not changed. Restore a copy from the backups folder, or move it away to start afresh.</source>
        <translation>{name} está dañada y no se puede leer ({error}). No se ha cambiado. Restaura una copia de la carpeta de copias de seguridad o muévela a otro sitio para empezar de cero.</translation>
    </message>
    <message>
        <source>reading or writing {name} failed ({error}): the disk may be failing, unplugged or out of space. The file is not necessarily damaged; check the disk and try again.</source>
        <translation>falló la lectura o escritura de {name} ({error}): puede que el disco esté fallando, desconectado o sin espacio. El archivo no tiene por qué estar dañado; revisa el disco y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>the database {name} reported an error: {error}</source>
        <translation>la base de datos {name} informó de un error: {error}</translation>
    </message>
    <message>
        <source>personamgr cannot write in its data folder {folder}: {error}</source>
        <translation>personamgr no puede escribir en su carpeta de datos {folder}: {error}</translation>
    </message>
    <message>
        <source>personamgr cannot create its data folder {folder}: {error}</source>
        <translation>personamgr no puede crear su carpeta de datos {folder}: {error}</translation>
    </message>
    <message>
        <source>the disk or partition holding it is mounted read-only</source>
        <translation>el disco o la partición que la contiene está montado como de solo lectura</translation>
    </message>
    <message>
        <source>your user cannot write in it (it is read-only, or belongs to another user)</source>
        <translation>tu usuario no puede escribir en ella (es de solo lectura, o es de otro usuario)</translation>
    </message>
    <message>
        <source>personamgr cannot write in its profile folder {folder}: {why}. It keeps your personas, posts and settings there, so it needs to, even to list personas. Make the folder writable, or use another data folder with --data-dir; nothing was changed.</source>
        <translation>personamgr no puede escribir en la carpeta de su perfil {folder}: {why}. Guarda ahí tus personas, publicaciones y ajustes, así que lo necesita, incluso para listar las personas. Haz que se pueda escribir en la carpeta o usa otra carpeta de datos con --data-dir; no se cambió nada.</translation>
    </message>
    <message>
        <source>personamgr cannot write in {folder}, a folder of its profile: {why}. It keeps your personas, posts and settings in its profile, so it needs to, even to list personas. Make the folder writable, or use another data folder with --data-dir; nothing was changed.</source>
        <translation>personamgr no puede escribir en {folder}, una carpeta de su perfil: {why}. Guarda en su perfil tus personas, publicaciones y ajustes, así que lo necesita, incluso para listar las personas. Haz que se pueda escribir en la carpeta o usa otra carpeta de datos con --data-dir; no se cambió nada.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file. Move that folder away (nothing in it was changed), or use another data folder with --data-dir.</source>
        <translation>{path} es una carpeta, no un archivo de base de datos. Mueve esa carpeta a otro sitio (no se cambió nada dentro) o usa otra carpeta de datos con --data-dir.</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>un archivo</translation>
    </message>
    <message>
        <source>the disk holding {folder} is full, so {name} could not be written. Free some space and try again; what was saved before is intact.</source>
        <translation>el disco que contiene {folder} está lleno, así que no se pudo escribir {name}. Libera espacio y vuelve a intentarlo; lo guardado antes está intacto.</translation>
    </message>
    <message>
        <source>the disk holding {folder} is over your quota, so {name} could not be written. Free some space and try again; what was saved before is intact.</source>
        <translation>el disco que contiene {folder} supera tu cuota, así que no se pudo escribir {name}. Libera espacio y vuelve a intentarlo; lo guardado antes está intacto.</translation>
    </message>
    <message>
        <source>the data</source>
        <translation>los datos</translation>
    </message>
    <message>
        <source>personamgr cannot write to {name}: {why}. Make it writable, or use another data folder with --data-dir; nothing was changed.</source>
        <translation>personamgr no puede escribir en {name}: {why}. Haz que se pueda escribir o usa otra carpeta de datos con --data-dir; no se cambió nada.</translation>
    </message>
    <message>
        <source>{name}: a file stands in its path, where personamgr needs a folder ({error})</source>
        <translation>{name}: hay un archivo en su ruta, donde personamgr necesita una carpeta ({error})</translation>
    </message>
    <message>
        <source>reading or writing {name} failed (input/output error): the disk may be failing or unplugged. Check it and try again.</source>
        <translation>falló la lectura o escritura de {name} (error de entrada/salida): puede que el disco esté fallando o desconectado. Revísalo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>the disk holding {folder} is full</source>
        <translation>el disco que contiene {folder} está lleno</translation>
    </message>
    <message>
        <source>the disk holding {folder} is over your quota</source>
        <translation>el disco que contiene {folder} supera tu cuota</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>la carpeta {folder} no existe</translation>
    </message>
    <message>
        <source>{path} is a folder</source>
        <translation>{path} es una carpeta</translation>
    </message>
    <message>
        <source>a file stands in the path {folder}, where a folder should be</source>
        <translation>hay un archivo en la ruta {folder}, donde debería haber una carpeta</translation>
    </message>
    <message>
        <source>the disk holding {folder} failed to read or write (input/output error)</source>
        <translation>el disco que contiene {folder} falló al leer o escribir (error de entrada/salida)</translation>
    </message>
    <message>
        <source>Free some space on it and try again.</source>
        <translation>Libera espacio en él y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Make it writable and try again.</source>
        <translation>Haz que se pueda escribir y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Fix that and try again.</source>
        <translation>Resuélvelo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Free some space on it, or export to another disk.</source>
        <translation>Libera espacio en él o exporta a otro disco.</translation>
    </message>
    <message>
        <source>Export to another folder.</source>
        <translation>Exporta a otra carpeta.</translation>
    </message>
    <message>
        <source>Create it, or export to a folder that exists.</source>
        <translation>Créala o exporta a una carpeta que exista.</translation>
    </message>
    <message>
        <source>Export to a file name, not a folder.</source>
        <translation>Exporta a un nombre de archivo, no a una carpeta.</translation>
    </message>
    <message>
        <source>{file} was not exported: {why}. {advice} Nothing was written there.</source>
        <translation>No se exportó {file}: {why}. {advice} No se escribió nada allí.</translation>
    </message>
    <message>
        <source>{path} cannot be written: it, its folder or its disk is read-only</source>
        <translation>no se puede escribir en {path}: el archivo, su carpeta o su disco son de solo lectura</translation>
    </message>
    <message>
        <source>{path} is locked by another program</source>
        <translation>{path} está bloqueada por otro programa</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read</source>
        <translation>{path} está dañada y no se puede leer</translation>
    </message>
    <message>
        <source>{path} could not be written ({error})</source>
        <translation>no se pudo escribir en {path} ({error})</translation>
    </message>
</context>
<context>
    <name>FitMeter</name>
    <message>
        <source>Strict: warns as soon as a draft drifts from the focus</source>
        <translation>Estricto: avisa en cuanto un borrador se aparta del tema</translation>
    </message>
    <message>
        <source>Normal: warns when a draft looks off focus</source>
        <translation>Normal: avisa cuando un borrador parece fuera de tema</translation>
    </message>
    <message>
        <source>Relaxed: warns only when a draft is clearly off focus</source>
        <translation>Relajado: avisa solo cuando un borrador está claramente fuera de tema</translation>
    </message>
    <message>
        <source>Persona fit</source>
        <translation>Encaje con la persona</translation>
    </message>
    <message>
        <source>Guard sensitivity</source>
        <translation>Sensibilidad del guardián</translation>
    </message>
    <message>
        <source>Guard: {level} ▾</source>
        <translation>Guardián: {level} ▾</translation>
    </message>
    <message>
        <source>How eagerly the guard warns on {name}. {help}.</source>
        <translation>Con qué facilidad avisa el guardián en {name}. {help}.</translation>
    </message>
</context>
<context>
    <name>GuardDialog</name>
    <message>
        <source>Post anyway</source>
        <translation>Publicar de todos modos</translation>
    </message>
    <message>
        <source>Schedule anyway</source>
        <translation>Programar de todos modos</translation>
    </message>
    <message>
        <source>Queue anyway</source>
        <translation>Poner en cola de todos modos</translation>
    </message>
    <message>
        <source>{reason}: check before posting on {name}</source>
        <translation>{reason}: revisa antes de publicar en {name}</translation>
    </message>
    <message>
        <source>{reason}: check before scheduling on {name}</source>
        <translation>{reason}: revisa antes de programar en {name}</translation>
    </message>
    <message>
        <source>{reason}: check before queueing on {name}</source>
        <translation>{reason}: revisa antes de poner en cola en {name}</translation>
    </message>
    <message>
        <source>{reason}: check before sending on {name}</source>
        <translation>{reason}: revisa antes de enviar en {name}</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Enviar de todos modos</translation>
    </message>
    <message>
        <source>{reason}: check before saving on {name}</source>
        <translation>{reason}: revisa antes de guardar en {name}</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Guardar de todos modos</translation>
    </message>
    <message>
        <source>Move to {name} schedules it on {name} instead, keeping your choice of time.</source>
        <translation>«Mover a {name}» la programa en {name}, con la hora que elegiste.</translation>
    </message>
    <message>
        <source>Move to {name} queues it on {name} instead.</source>
        <translation>«Mover a {name}» la pone en la cola de {name}.</translation>
    </message>
    <message>
        <source>Move to {escape} carries the draft there so you can post it as {escape}.</source>
        <translation>«Mover a {escape}» lleva allí el borrador para que lo publiques como {escape}.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Back to the text; nothing is sent</source>
        <translation>Volver al texto; no se envía nada</translation>
    </message>
    <message>
        <source>Move to {suggest}</source>
        <translation>Mover a {suggest}</translation>
    </message>
    <message>
        <source>Send it on this persona; you will not be asked again for this text</source>
        <translation>Enviarla con esta persona; no se volverá a preguntar por este texto</translation>
    </message>
</context>
<context>
    <name>GuardPanel</name>
    <message>
        <source>The fit check failed on this text ({error}). You can still post.</source>
        <translation>La comprobación de encaje falló con este texto ({error}). Puedes publicar igualmente.</translation>
    </message>
    <message>
        <source>The persona guard could not start ({error}). Posting still works, without the fit check.</source>
        <translation>El guardián de personas no pudo arrancar ({error}). Se puede publicar, sin la comprobación de encaje.</translation>
    </message>
    <message>
        <source>checking fit…</source>
        <translation>comprobando el encaje…</translation>
    </message>
    <message>
        <source>The fit with {name}&apos;s focus shows here as you type.</source>
        <translation>Aquí verás, mientras escribes, cómo encaja con el tema de {name}.</translation>
    </message>
    <message>
        <source>Fit per persona (0.5 is the normal threshold):</source>
        <translation>Encaje por persona (0,5 es el umbral normal):</translation>
    </message>
    <message>
        <source>The topic check cannot judge this text; the other checks ran.</source>
        <translation>La comprobación de tema no puede juzgar este texto; las demás comprobaciones se han hecho.</translation>
    </message>
    <message>
        <source>fits {name} · {score}</source>
        <translation>encaja en {name} · {score}</translation>
    </message>
    <message>
        <source>strays from {name} · {score}</source>
        <translation>se aparta de {name} · {score}</translation>
    </message>
    <message>
        <source>{name} · needs a look</source>
        <translation>{name} · conviene revisarlo</translation>
    </message>
    <message>
        <source>{name} · {score} · needs a look</source>
        <translation>{name} · {score} · conviene revisarlo</translation>
    </message>
    <message>
        <source>fits {name} better</source>
        <translation>encaja mejor en {name}</translation>
    </message>
    <message>
        <source>This may not belong on {name}.</source>
        <translation>Puede que esto no encaje en {name}.</translation>
    </message>
    <message>
        <source>Could not change {name}&apos;s sensitivity: {e}</source>
        <translation>No se pudo cambiar la sensibilidad de {name}: {e}</translation>
    </message>
    <message>
        <source>The guard is now {level} on {name}.</source>
        <translation>El guardián es ahora {level} en {name}.</translation>
    </message>
    <message>
        <source>Checking the fit before it goes out…</source>
        <translation>Comprobando el encaje antes de que salga…</translation>
    </message>
    <message>
        <source>Moved to {target}. Nothing was posted: press Post to send it as {target}.</source>
        <translation>Movido a {target}. No se ha publicado nada: pulsa Publicar para enviarlo como {target}.</translation>
    </message>
    <message>
        <source>Moved to {target}, where it joined the draft you had there. Check it, then schedule it.</source>
        <translation>Movido a {target}, junto al borrador que ya tenías allí. Revísalo y luego prográmalo.</translation>
    </message>
    <message>
        <source>It is already one of {name}&apos;s example posts.</source>
        <translation>Ya es una de las publicaciones de ejemplo de {name}.</translation>
    </message>
    <message>
        <source>Could not add it to {name}&apos;s examples: {e}</source>
        <translation>No se pudo añadir a los ejemplos de {name}: {e}</translation>
    </message>
    <message>
        <source>Added to {name}&apos;s example posts. Edit them any time in the persona&apos;s settings.</source>
        <translation>Añadida a las publicaciones de ejemplo de {name}. Puedes editarlas cuando quieras en la configuración de la persona.</translation>
    </message>
</context>
<context>
    <name>GuardWarning</name>
    <message>
        <source>Move to the persona it fits better</source>
        <translation>Mover a la persona en la que encaja mejor</translation>
    </message>
    <message>
        <source>Move to {target}</source>
        <translation>Mover a {target}</translation>
    </message>
    <message>
        <source>Carry this draft to {target} and switch to it</source>
        <translation>Llevar este borrador a {target} y cambiar a esa persona</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Abrir la carpeta de &amp;datos</translation>
    </message>
    <message>
        <source>Open your own p&amp;rofile</source>
        <translation>Abrir tu propio &amp;perfil</translation>
    </message>
    <message>
        <source>Open the d&amp;emo</source>
        <translation>Abrir la d&amp;emo</translation>
    </message>
    <message>
        <source>&amp;About personamgr</source>
        <translation>&amp;Acerca de personamgr</translation>
    </message>
    <message>
        <source>Could not start the demo: {error}</source>
        <translation>No se pudo abrir la demo: {error}</translation>
    </message>
    <message>
        <source>The demo opens in a window of its own.</source>
        <translation>La demo se abre en su propia ventana.</translation>
    </message>
    <message>
        <source>Could not open your own profile: {error}</source>
        <translation>No se pudo abrir tu propio perfil: {error}</translation>
    </message>
    <message>
        <source>Your own profile opens in a window of its own; the demo&apos;s personas and posts stay in the demo.</source>
        <translation>Tu propio perfil se abre en su propia ventana; las personas y publicaciones de la demo se quedan en la demo.</translation>
    </message>
    <message>
        <source>About personamgr</source>
        <translation>Acerca de personamgr</translation>
    </message>
    <message>
        <source>personamgr {version}</source>
        <translation>personamgr {version}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Run several accounts from one desktop app, each kept to its own focus.

Your data: {folder}
Qt {qt}. MIT licence.</source>
        <translation>Varias cuentas desde una sola app de escritorio, cada una fiel a su tema.

Tus datos: {folder}
Qt {qt}. Licencia MIT.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>{where} (a thread of %n posts)</source>
        <translation>{where} (un hilo de %n publicaciones)</translation>
    </message>
    <message>
        <source>Sent as {account} ({persona} now posts as {now}): {where}</source>
        <translation>Enviada como {account} ({persona} ahora publica como {now}): {where}</translation>
    </message>
    <message>
        <source>A thread of %n posts.</source>
        <translation>Un hilo de %n publicaciones.</translation>
    </message>
    <message>
        <source>Next try {when}.</source>
        <translation>Próximo intento: {when}.</translation>
    </message>
    <message>
        <source>Goes out {when}.</source>
        <translation>Sale: {when}.</translation>
    </message>
    <message>
        <source>Being sent now…</source>
        <translation>Enviándose ahora…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Nothing posted yet. Posts appear here with their state: sent, failed or needing review.</source>
        <translation>Aún no se ha publicado nada. Las publicaciones aparecen aquí con su estado: enviada, fallida o pendiente de revisión.</translation>
    </message>
    <message>
        <source>Sent as {account}</source>
        <translation>Enviada como {account}</translation>
    </message>
    <message>
        <source>No post matches “{text}”.</source>
        <translation>Ninguna publicación coincide con «{text}».</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar el texto</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar el enlace</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <source>Alt ✓</source>
        <translation>Alt ✓</translation>
    </message>
    <message>
        <source>No alt</source>
        <translation>Sin alt</translation>
    </message>
    <message>
        <source>Image {name}, alt text: {alt}</source>
        <translation>Imagen {name}, texto alternativo: {alt}</translation>
    </message>
    <message>
        <source>Image {name}, no alt text yet</source>
        <translation>Imagen {name}, aún sin texto alternativo</translation>
    </message>
    <message>
        <source>Click to write its alt text; Delete removes it.</source>
        <translation>Haz clic para escribir su texto alternativo; Suprimir la quita.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Import personas from {file}</source>
        <translation>Importar personas de {file}</translation>
    </message>
    <message>
        <source>What the import changes</source>
        <translation>Lo que cambia la importación</translation>
    </message>
    <message>
        <source>Persona and field</source>
        <translation>Persona y campo</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>Tras la importación</translation>
    </message>
    <message>
        <source>Replace whole personas: fields the file leaves out go back to their defaults</source>
        <translation>Sustituir personas enteras: los campos que el archivo no trae vuelven a sus valores por omisión</translation>
    </message>
    <message>
        <source>New time zone: move scheduled posts to the same clock time there</source>
        <translation>Zona nueva: mover las publicaciones programadas a la misma hora allí</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>… and %n more persona(s)</source>
        <translation>… y %n persona(s) más</translation>
    </message>
    <message>
        <source>Replacing whole personas clears %n field(s) (marked “cleared” above): their values now are not in the file.</source>
        <translation>Sustituir personas enteras borra %n campo(s) (marcados «borrado» arriba): sus valores actuales no están en el archivo.</translation>
    </message>
    <message>
        <source>Nothing is cleared: the file gives every field it changes.</source>
        <translation>No se borra nada: el archivo trae todos los campos que cambia.</translation>
    </message>
    <message>
        <source>Fields the file leaves out keep their values.</source>
        <translation>Los campos que el archivo no trae conservan sus valores.</translation>
    </message>
    <message>
        <source>The file matches your personas: there is nothing to import.</source>
        <translation>El archivo coincide con tus personas: no hay nada que importar.</translation>
    </message>
    <message>
        <source>Posts and credentials are kept. The personas are backed up first; File ▸ Undo last import puts them back.</source>
        <translation>Las publicaciones y las credenciales se conservan. Antes se hace una copia de las personas; Archivo ▸ Deshacer la última importación las devuelve.</translation>
    </message>
    <message>
        <source>Posts and credentials are kept. File ▸ Undo last import removes the added personas again.</source>
        <translation>Las publicaciones y las credenciales se conservan. Archivo ▸ Deshacer la última importación vuelve a quitar las personas añadidas.</translation>
    </message>
    <message>
        <source>New: {name}</source>
        <translation>Nueva: {name}</translation>
    </message>
    <message>
        <source>Update: {old} → {new}</source>
        <translation>Cambia: {old} → {new}</translation>
    </message>
    <message>
        <source>Update: {name}</source>
        <translation>Cambia: {name}</translation>
    </message>
    <message>
        <source>{field} (cleared)</source>
        <translation>{field} (borrado)</translation>
    </message>
    <message>
        <source>{file}: %n persona(s): {added} to add, {updated} to update, {same} unchanged.</source>
        <translation>{file}: %n persona(s): {added} para añadir, {updated} para cambiar, {same} sin cambios.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>Nothing needs you. A post that fails, is held before it goes out, or may have gone out shows up here, with what you can do about it.</source>
        <translation>Nada te necesita. Aquí aparece cualquier publicación que falle, se retenga antes de salir o pueda haber salido, con lo que puedes hacer.</translation>
    </message>
    <message>
        <source>Select a post to see what you can do.</source>
        <translation>Selecciona una publicación para ver qué puedes hacer.</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Mover a</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
    <message>
        <source>Inbox ({n})</source>
        <translation>Bandeja de entrada ({n})</translation>
    </message>
</context>
<context>
    <name>InsightsDialog</name>
    <message>
        <source>Persona insights</source>
        <translation>Estadísticas de la persona</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Last %n day(s)</source>
        <translation>Últimos %n día(s)</translation>
    </message>
    <message>
        <source>&amp;Persona:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;eriodo:</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Leyendo el historial…</translation>
    </message>
    <message>
        <source>From the posts on this computer only: nothing is read from the networks (X charges for reading).</source>
        <translation>Solo con las publicaciones de este ordenador: no se lee nada de las redes (X cobra por leer).</translation>
    </message>
    <message>
        <source>No persona yet.</source>
        <translation>Aún no hay ninguna persona.</translation>
    </message>
    <message>
        <source>{name}: %n post(s) in the last {days} days, {share} on focus, {talk} conversation; X cost {cost}.</source>
        <translation>{name}: %n publicaci(ón|ones) en los últimos {days} días, {share} en el tema, {talk} de conversación; coste en X {cost}.</translation>
    </message>
    <message>
        <source>{name}: %n post(s) in the last {days} days, {share} on focus, {talk} conversation.</source>
        <translation>{name}: %n publicaci(ón|ones) en los últimos {days} días, {share} en el tema, {talk} de conversación.</translation>
    </message>
    <message>
        <source>{name} has sent nothing in the last {days} days.</source>
        <translation>{name} no ha enviado nada en los últimos {days} días.</translation>
    </message>
    <message>
        <source>On focus</source>
        <translation>En el tema</translation>
    </message>
    <message>
        <source>Strayed</source>
        <translation>Fuera de tema</translation>
    </message>
    <message>
        <source>Posts on focus</source>
        <translation>Publicaciones en el tema</translation>
    </message>
    <message>
        <source>Bare links</source>
        <translation>Solo enlaces</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otras</translation>
    </message>
    <message>
        <source>Links or conversation</source>
        <translation>Enlaces o conversación</translation>
    </message>
    <message>
        <source>When posts go out (weekday, hour)</source>
        <translation>Cuándo salen las publicaciones (día, hora)</translation>
    </message>
    <message>
        <source>Busiest: {day} {hour}:00, %n post(s).</source>
        <translation>Más activo: {day} {hour}:00, %n publicaci(ón|ones).</translation>
    </message>
    <message>
        <source>this week</source>
        <translation>esta semana</translation>
    </message>
    <message>
        <source>−%n w</source>
        <translation>−%n sem.</translation>
    </message>
    <message>
        <source>X cost per week (USD)</source>
        <translation>Coste en X por semana (USD)</translation>
    </message>
    <message>
        <source>Total {total} over {days} days.</source>
        <translation>Total {total} en {days} días.</translation>
    </message>
    <message>
        <source>Posts per week</source>
        <translation>Publicaciones por semana</translation>
    </message>
    <message>
        <source>%n post(s) over {days} days.</source>
        <translation>%n publicaci(ón|ones) en {days} días.</translation>
    </message>
</context>
<context>
    <name>Instance</name>
    <message>
        <source>Free some space on it, then start personamgr again.</source>
        <translation>Libera espacio en él y vuelve a abrir personamgr.</translation>
    </message>
    <message>
        <source>Make it writable, then start personamgr again.</source>
        <translation>Haz que se pueda escribir y vuelve a abrir personamgr.</translation>
    </message>
    <message>
        <source>Fix that, then start personamgr again.</source>
        <translation>Resuélvelo y vuelve a abrir personamgr.</translation>
    </message>
    <message>
        <source>personamgr could not write its lock file in {folder}, which keeps two personamgr from sending the same posts: {why}. {advice} Nothing was sent or changed.</source>
        <translation>personamgr no pudo escribir su archivo de bloqueo en {folder}, que evita que dos personamgr envíen las mismas publicaciones: {why}. {advice} No se envió ni se cambió nada.</translation>
    </message>
</context>
<context>
    <name>KeyringStatusLabel</name>
    <message>
        <source>Credentials: {keyring}, locked; it asks for its password when needed</source>
        <translation>Credenciales: {keyring}, bloqueado; pide su contraseña cuando hace falta</translation>
    </message>
    <message>
        <source>Credentials: {keyring}</source>
        <translation>Credenciales: {keyring}</translation>
    </message>
    <message>
        <source>Credentials: {keyring} is not running — posts wait until it is started again</source>
        <translation>Credenciales: {keyring} no está en marcha; las publicaciones esperan hasta que vuelva a iniciarse</translation>
    </message>
    <message>
        <source>Only a plaintext keyring — accounts cannot be connected; the sandbox still works</source>
        <translation>Solo hay un llavero en texto plano: no se pueden conectar cuentas; Pruebas sigue funcionando</translation>
    </message>
    <message>
        <source>No secure credential store — accounts cannot be connected; the sandbox still works</source>
        <translation>No hay un almacén seguro de credenciales: no se pueden conectar cuentas; Pruebas sigue funcionando</translation>
    </message>
    <message>
        <source>Checking the credential store…</source>
        <translation>Comprobando el almacén de credenciales…</translation>
    </message>
    <message>
        <source>Asking the system keyring which store is in use.</source>
        <translation>Preguntando al llavero del sistema qué almacén se usa.</translation>
    </message>
    <message>
        <source>The keyring is not answering (it may be locked) — the sandbox still works</source>
        <translation>El llavero no responde (quizá esté bloqueado); Pruebas sigue funcionando</translation>
    </message>
    <message>
        <source>The keyring failed: {error}</source>
        <translation>El llavero falló: {error}</translation>
    </message>
</context>
<context>
    <name>LearnBar</name>
    <message>
        <source>Add as example</source>
        <translation>Añadir como ejemplo</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>No, gracias</translation>
    </message>
    <message>
        <source>No thanks: the persona stays as it is</source>
        <translation>No, gracias: la persona se queda como está</translation>
    </message>
    <message>
        <source>You posted “{escape}” on &lt;b&gt;{name}&lt;/b&gt; although it looked off focus. Add it to {name}&apos;s example posts, so the guard learns that posts like it belong there?</source>
        <translation>Publicaste «{escape}» en &lt;b&gt;{name}&lt;/b&gt; aunque parecía fuera de tema. ¿La añades a las publicaciones de ejemplo de {name}, para que el guardián aprenda que las publicaciones así encajan allí?</translation>
    </message>
</context>
<context>
    <name>Lease</name>
    <message>
        <source>pid {pid} on {host}</source>
        <translation>pid {pid} en {host}</translation>
    </message>
    <message>
        <source>pid {pid}</source>
        <translation>pid {pid}</translation>
    </message>
</context>
<context>
    <name>LocalTime</name>
    <message>
        <source>{persona}&apos;s time zone {zone} is not in this computer&apos;s time zone data (it may have been renamed or removed), so its times are shown and read in UTC. Choose its zone again in the persona editor, or set timezone in a personas export and import it.</source>
        <translation>La zona horaria {zone} de {persona} no está en los datos de zonas horarias de este ordenador (puede que se haya renombrado o eliminado), así que sus horas se muestran y se leen en UTC. Vuelve a elegir su zona en el editor de la persona, o pon timezone en una exportación de personas e impórtala.</translation>
    </message>
    <message>
        <source>{time} does not exist on {date} in {zone} (clocks spring forward); it will go out at {new_time} instead.</source>
        <translation>Las {time} no existen el {date} en {zone} (se adelantan los relojes); saldrá a las {new_time}.</translation>
    </message>
    <message>
        <source>{time} happens twice on {date} in {zone} (clocks fall back); it will go out at the first one, {first}, not the second ({second}).</source>
        <translation>Las {time} ocurren dos veces el {date} en {zone} (se atrasan los relojes); saldrá en la primera, {first}, no en la segunda ({second}).</translation>
    </message>
    <message>
        <source>{text} has no month {month} (months are 01 to 12)</source>
        <translation>{text} no tiene mes {month} (los meses van de 01 a 12)</translation>
    </message>
    <message>
        <source>{text} has no hour {hour} (hours are 00 to 23)</source>
        <translation>{text} no tiene hora {hour} (las horas van de 00 a 23)</translation>
    </message>
    <message>
        <source>{text} has no minute {minute} (minutes are 00 to 59)</source>
        <translation>{text} no tiene minuto {minute} (los minutos van de 00 a 59)</translation>
    </message>
    <message>
        <source>{text} has no day {day} in that month</source>
        <translation>{text}: ese mes no tiene día {day}</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>{text} is a day of the week, not a date; give the date too: the next {day} is {date}, so {example} (in the persona&apos;s zone)</source>
        <translation>{text} es un día de la semana, no una fecha; indica también la fecha: el próximo {day} es {date}, así que {example} (en la zona de la persona)</translation>
    </message>
    <message>
        <source>{text} has no date; give it, e.g. {example} (in the persona&apos;s zone)</source>
        <translation>{text} no tiene fecha; indícala, p. ej. {example} (en la zona de la persona)</translation>
    </message>
    <message>
        <source>use e.g. 2026-03-09T14:00 (in the persona&apos;s zone) or 2026-03-09T14:00+01:00</source>
        <translation>usa p. ej. 2026-03-09T14:00 (en la zona de la persona) o 2026-03-09T14:00+01:00</translation>
    </message>
    <message>
        <source>no date and time given; {example}</source>
        <translation>no se indicó fecha y hora; {example}</translation>
    </message>
    <message>
        <source>{text} is not an ISO 8601 date and time; {example}</source>
        <translation>{text} no es una fecha y hora ISO 8601; {example}</translation>
    </message>
    <message>
        <source>{text} is outside the dates personamgr can schedule ({first} to {last})</source>
        <translation>{text} está fuera de las fechas que personamgr puede programar ({first} a {last})</translation>
    </message>
    <message>
        <source>{text} has no time of day; use e.g. {example}</source>
        <translation>{text} no tiene hora; usa p. ej. {example}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Redactar</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Buscar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>&amp;Nuevo borrador</translation>
    </message>
    <message>
        <source>&amp;Import personas…</source>
        <translation>&amp;Importar personas…</translation>
    </message>
    <message>
        <source>&amp;Export personas…</source>
        <translation>&amp;Exportar personas…</translation>
    </message>
    <message>
        <source>&amp;Undo last import…</source>
        <translation>&amp;Deshacer la última importación…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Persona</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Redactar</translation>
    </message>
    <message>
        <source>&amp;Find a persona…</source>
        <translation>B&amp;uscar una persona…</translation>
    </message>
    <message>
        <source>Connected {name} to {handle} on {network}.</source>
        <translation>{name} conectado a {handle} en {network}.</translation>
    </message>
    <message>
        <source>&amp;Insights…</source>
        <translation>&amp;Estadísticas…</translation>
    </message>
    <message>
        <source>Search the &amp;history</source>
        <translation>&amp;Buscar en el historial</translation>
    </message>
    <message>
        <source>&amp;Connect account…</source>
        <translation>&amp;Conectar cuenta…</translation>
    </message>
    <message>
        <source>&amp;New persona…</source>
        <translation>&amp;Nueva persona…</translation>
    </message>
    <message>
        <source>&amp;Edit persona…</source>
        <translation>E&amp;ditar persona…</translation>
    </message>
    <message>
        <source>&amp;Delete persona…</source>
        <translation>&amp;Borrar persona…</translation>
    </message>
    <message>
        <source>&amp;Edit {name}…</source>
        <translation>E&amp;ditar {name}…</translation>
    </message>
    <message>
        <source>&amp;Delete {name}…</source>
        <translation>&amp;Borrar {name}…</translation>
    </message>
    <message>
        <source>Connect account</source>
        <translation>Conectar cuenta</translation>
    </message>
    <message>
        <source>Open your own profile</source>
        <translation>Abrir tu propio perfil</translation>
    </message>
    <message>
        <source>personamgr{suffix}</source>
        <translation>personamgr{suffix}</translation>
    </message>
    <message>
        <source>Sent as {name}.</source>
        <translation>Enviada como {name}.</translation>
    </message>
</context>
<context>
    <name>Mastodon</name>
    <message>
        <source>{label} was still processing {name} after {wait_s} s; the post will be tried again.</source>
        <translation>{label} seguía procesando {name} pasados {wait_s} s; se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>{server}&apos;s rate limit was reached; the post waits until it resets, then goes out by itself.</source>
        <translation>Se alcanzó el límite de peticiones de {server}; la publicación espera a que se renueve y luego sale sola.</translation>
    </message>
    <message>
        <source>{server} refused this account&apos;s access token ({server_message}): access was revoked or the token is no longer valid.</source>
        <translation>{server} rechazó el token de acceso de esta cuenta ({server_message}): se revocó el acceso o el token ya no es válido.</translation>
    </message>
    <message>
        <source>{server} had a server error ({server_message}); the post will be tried again.</source>
        <translation>{server} tuvo un error de servidor ({server_message}); se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>{server} had a server error ({status_of}: {server_message}); the post will be tried again.</source>
        <translation>{server} tuvo un error de servidor ({status_of}: {server_message}); se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>{server} now sends personamgr on to {target} ({status}): the server has a new address, and personamgr does not take the account&apos;s token there unasked. Use {target} when connecting.</source>
        <translation>{server} ahora envía a personamgr a {target} ({status}): el servidor tiene una dirección nueva, y personamgr no lleva allí el token de la cuenta sin que se lo pidas. Usa {target} al conectar.</translation>
    </message>
    <message>
        <source>{server}&apos;s limit on image uploads was reached; the post waits until it resets, then goes out by itself. Posts without images go out meanwhile.</source>
        <translation>Se alcanzó el límite de subida de imágenes de {server}; la publicación espera a que se renueve y luego sale sola. Las publicaciones sin imágenes salen mientras tanto.</translation>
    </message>
    <message>
        <source>{server} says personamgr may not post for this account ({msg}). Connect it again and allow posting.</source>
        <translation>{server} dice que personamgr no puede publicar con esta cuenta ({msg}). Vuelve a conectarla y permite publicar.</translation>
    </message>
    <message>
        <source>{server} refused the post: {msg}</source>
        <translation>{server} rechazó la publicación: {msg}</translation>
    </message>
    <message>
        <source>The post could not be prepared for {server}: {error}</source>
        <translation>No se pudo preparar la publicación para {server}: {error}</translation>
    </message>
    <message>
        <source>{server} answered in an unexpected way ({name}: {error}).</source>
        <translation>{server} respondió de forma inesperada ({name}: {error}).</translation>
    </message>
    <message>
        <source>{server} did not accept the connection in time; nothing was sent. It will be tried again.</source>
        <translation>{server} no aceptó la conexión a tiempo; no se envió nada. Se volverá a intentar.</translation>
    </message>
    <message>
        <source>The secure connection to {server} failed; nothing was sent. It will be tried again.</source>
        <translation>Falló la conexión segura con {server}; no se envió nada. Se volverá a intentar.</translation>
    </message>
    <message>
        <source>{server} cannot be reached (no network, or the connection was refused); nothing was sent. The post waits and goes out by itself when the network is back.</source>
        <translation>No se puede contactar con {server} (no hay red o se rechazó la conexión); no se envió nada. La publicación espera y saldrá sola cuando vuelva la red.</translation>
    </message>
    <message>
        <source>{server} did not answer in time after the post was sent. It will be sent again shortly; it carries a key {server} recognises, so it cannot go out twice and needs no review.</source>
        <translation>{server} no respondió a tiempo después de enviar la publicación. Se volverá a enviar en breve; lleva una clave que {server} reconoce, así que no puede salir dos veces y no necesita revisión.</translation>
    </message>
    <message>
        <source>{server} dropped the connection after the post was sent. It will be sent again shortly; it carries a key {server} recognises, so it cannot go out twice and needs no review.</source>
        <translation>{server} cortó la conexión después de enviar la publicación. Se volverá a enviar en breve; lleva una clave que {server} reconoce, así que no puede salir dos veces y no necesita revisión.</translation>
    </message>
    <message>
        <source>{server} answered with a gateway error ({status_of}: {server_message}) after the post was sent: the server may have made it all the same. It will be sent again shortly; it carries a key {server} recognises, so it cannot go out twice and needs no review.</source>
        <translation>{server} respondió con un error de pasarela ({status_of}: {server_message}) después de enviar la publicación: puede que el servidor la haya creado de todos modos. Se volverá a enviar en breve; lleva una clave que {server} reconoce, así que no puede salir dos veces y no necesita revisión.</translation>
    </message>
    <message>
        <source>The connection to {server} broke ({name}); it will be tried again.</source>
        <translation>La conexión con {server} se cortó ({name}); se volverá a intentar.</translation>
    </message>
</context>
<context>
    <name>MastodonConnect</name>
    <message>
        <source>Enter your Mastodon server, such as fosstodon.org or mastodon.social.</source>
        <translation>Escribe tu servidor de Mastodon, como fosstodon.org o mastodon.social.</translation>
    </message>
    <message>
        <source>register itself</source>
        <translation>registrarse</translation>
    </message>
    <message>
        <source>start signing in</source>
        <translation>iniciar la sesión</translation>
    </message>
    <message>
        <source>accept the code</source>
        <translation>aceptar el código</translation>
    </message>
    <message>
        <source>confirm the account</source>
        <translation>confirmar la cuenta</translation>
    </message>
    <message>
        <source>{server} cannot be reached, so personamgr could not {doing}. Check the server&apos;s address and your connection, then try again.</source>
        <translation>No se puede contactar con {server}, así que personamgr no pudo {doing}. Revisa la dirección del servidor y tu conexión y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>{server} did not accept the connection in time, so personamgr could not {doing}. Check your connection and the server&apos;s address, then try again.</source>
        <translation>{server} no aceptó la conexión a tiempo, así que personamgr no pudo {doing}. Comprueba tu conexión y la dirección del servidor, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The secure connection to {server} failed, so personamgr could not {doing}. Check the server&apos;s address (and the computer&apos;s date), then try again.</source>
        <translation>La conexión segura con {server} falló, así que personamgr no pudo {doing}. Comprueba la dirección del servidor (y la fecha del ordenador) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>{server} did not let personamgr {doing}: {error}</source>
        <translation>{server} no dejó a personamgr {doing}: {error}</translation>
    </message>
    <message>
        <source>{server} did not register personamgr (its answer had no client id). Is it a Mastodon server?</source>
        <translation>{server} no registró a personamgr (su respuesta no tenía client id). ¿Es un servidor de Mastodon?</translation>
    </message>
    <message>
        <source>{server} no longer knew personamgr&apos;s registration (its admins may have removed it, which also ends every sign-in made through it), so personamgr registered itself there again. Sign in to connect the account anew.</source>
        <translation>{server} ya no reconocía el registro de personamgr (puede que sus administradores lo hayan quitado, lo que también anula todos los inicios de sesión hechos con él), así que personamgr se ha registrado allí de nuevo. Inicia sesión para volver a conectar la cuenta.</translation>
    </message>
    <message>
        <source>Paste the code your server shows after you authorise personamgr (one word, no spaces).</source>
        <translation>Pega el código que muestra tu servidor después de autorizar a personamgr (una palabra, sin espacios).</translation>
    </message>
    <message>
        <source>{server} no longer knows personamgr&apos;s registration. Start again: personamgr will register itself anew.</source>
        <translation>{server} ya no reconoce el registro de personamgr. Empieza de nuevo: personamgr se registrará otra vez.</translation>
    </message>
    <message>
        <source>{error} The code may be mistyped or already used: start again for a new one.</source>
        <translation>{error} Puede que el código esté mal escrito o ya se haya usado: empieza de nuevo para obtener otro.</translation>
    </message>
    <message>
        <source>(An access token is made in your server&apos;s Preferences → Development, with the write:statuses and write:media scopes.)</source>
        <translation>(El token de acceso se crea en Preferencias → Desarrollo de tu servidor, con los permisos write:statuses y write:media.)</translation>
    </message>
    <message>
        <source>{server} refused this access token (401). Check that it was made on this server and was not revoked.</source>
        <translation>{server} rechazó este token de acceso (401). Comprueba que se creó en este servidor y que no se revocó.</translation>
    </message>
    <message>
        <source>{server} answered without an account name; is it a Mastodon server?</source>
        <translation>{server} respondió sin nombre de cuenta; ¿es un servidor de Mastodon?</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <source>Make it smaller, then attach it again.</source>
        <translation>Hazla más pequeña y vuelve a adjuntarla.</translation>
    </message>
    <message>
        <source>{list} or {last}</source>
        <translation>{list} o {last}</translation>
    </message>
    <message>
        <source>{path} does not exist (it may have been moved or deleted).</source>
        <translation>{path} no existe (puede que se haya movido o borrado).</translation>
    </message>
    <message>
        <source>{path} is a folder, not an image.</source>
        <translation>{path} es una carpeta, no una imagen.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}.</source>
        <translation>no se puede leer {name}: {error}.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} está vacía.</translation>
    </message>
    <message>
        <source>{name} is a {type} image that {network} does not accept; use {types}.</source>
        <translation>{name} es una imagen {type} que {network} no acepta; usa {types}.</translation>
    </message>
    <message>
        <source>{name} is not an image type that {network} accepts; use {types}.</source>
        <translation>{name} no es un tipo de imagen que {network} acepte; usa {types}.</translation>
    </message>
    <message>
        <source>{name} is {size}; {network} accepts images up to {limit}. {hint}</source>
        <translation>{name} ocupa {size}; {network} acepta imágenes de hasta {limit}. {hint}</translation>
    </message>
    <message>
        <source>{name} is {size}; {network} accepts animated GIFs up to {limit}. {hint}</source>
        <translation>{name} ocupa {size}; {network} acepta GIF animados de hasta {limit}. {hint}</translation>
    </message>
    <message>
        <source>The alt text of {name} is {length} characters; {network} allows {max}.</source>
        <translation>El texto alternativo de {name} tiene {length} caracteres; {network} permite {max}.</translation>
    </message>
    <message>
        <source>{name} could not be copied into the profile, so nothing was attached: {why}.</source>
        <translation>No se pudo copiar {name} al perfil, así que no se adjuntó nada: {why}.</translation>
    </message>
    <message>
        <source>{name} is attached to part {part}, which the thread no longer has.</source>
        <translation>{name} está adjunta a la parte {part}, que el hilo ya no tiene.</translation>
    </message>
    <message>
        <source>Images are attached to a thread part that does not exist (part {part}).</source>
        <translation>Hay imágenes adjuntas a una parte del hilo que no existe (parte {part}).</translation>
    </message>
    <message>
        <source>{name} cannot be read: {why}, then attach it again.</source>
        <translation>{name} no se puede leer: {why}, y vuelve a adjuntarla.</translation>
    </message>
    <message>
        <source>{name} is a {type} image cut short: its data ends before the picture does (a download or copy that did not finish). Download or save it again, check that it opens in an image viewer, then attach it again.</source>
        <translation>{name} es una imagen {type} cortada: sus datos terminan antes que la imagen (una descarga o copia que no terminó). Vuelve a descargarla o guardarla, comprueba que se abre en un visor de imágenes y vuelve a adjuntarla.</translation>
    </message>
    <message>
        <source>{name} is a {type} image whose data is damaged, so it cannot be shown. Download or save it again, check that it opens in an image viewer, then attach it again.</source>
        <translation>{name} es una imagen {type} con los datos dañados, así que no se puede mostrar. Vuelve a descargarla o guardarla, comprueba que se abre en un visor de imágenes y vuelve a adjuntarla.</translation>
    </message>
    <message>
        <source>{network} takes an animated GIF only on a post of its own (up to 4 images, or 1 animated GIF): {name} is on part {part} of the thread with other images. Give it a part of its own, or remove the other images.</source>
        <translation>{network} solo acepta un GIF animado en una publicación propia (hasta 4 imágenes o 1 GIF animado): {name} está en la parte {part} del hilo con otras imágenes. Dale una parte propia o quita las otras imágenes.</translation>
    </message>
    <message>
        <source>{network} takes an animated GIF only on a post of its own (up to 4 images, or 1 animated GIF): {name} is on the post with other images. Put it in a thread part of its own, or remove the other images.</source>
        <translation>{network} solo acepta un GIF animado en una publicación propia (hasta 4 imágenes o 1 GIF animado): {name} está en la publicación con otras imágenes. Ponlo en una parte propia del hilo o quita las otras imágenes.</translation>
    </message>
    <message>
        <source>The image {path} attached to part {part} of the thread is missing. Attach it again.</source>
        <translation>Falta la imagen {path} adjunta a la parte {part} del hilo. Vuelve a adjuntarla.</translation>
    </message>
    <message>
        <source>The image {path} attached to the post is missing. Attach it again.</source>
        <translation>Falta la imagen {path} adjunta a la publicación. Vuelve a adjuntarla.</translation>
    </message>
    <message>
        <source>Save a smaller copy (as JPEG, or with fewer pixels: 2,000 pixels wide is plenty) and attach that.</source>
        <translation>Guarda una copia más pequeña (en JPEG, o con menos píxeles: 2.000 píxeles de ancho es de sobra) y adjunta esa.</translation>
    </message>
</context>
<context>
    <name>Missed</name>
    <message>
        <source>%n minute(s)</source>
        <translation>%n minuto(s)</translation>
    </message>
    <message>
        <source>%n hours</source>
        <translation>%n horas</translation>
    </message>
    <message>
        <source>%n days</source>
        <translation>%n días</translation>
    </message>
    <message>
        <source>Posting is paused for {persona}: nothing goes out for it until you resume it (personamgr queue resume {how}); then its missed-post policy decides.</source>
        <translation>La publicación está en pausa para {persona}: no sale nada suyo hasta que la reanudes (personamgr queue resume {how}); entonces decide su política para publicaciones perdidas.</translation>
    </message>
    <message>
        <source>{persona} sends missed posts up to %n hour(s) late, but it cannot post until its {network} account is connected: if one of them starts by {deadline}, the post fails; later, it is held for you to decide.</source>
        <translation>{persona} envía las publicaciones perdidas con hasta %n hora(s) de retraso, pero no puede publicar hasta que su cuenta de {network} esté conectada: si uno de ellos arranca antes de {deadline}, la publicación falla; más tarde, queda retenida para que decidas tú.</translation>
    </message>
    <message>
        <source>{persona} sends missed posts up to %n hour(s) late: if one of them starts by {deadline}, it goes out then; later, it is held for you to decide.</source>
        <translation>{persona} envía las publicaciones perdidas con hasta %n hora(s) de retraso: si uno de ellos arranca antes de {deadline}, sale entonces; más tarde, queda retenida para que decidas tú.</translation>
    </message>
    <message>
        <source>When one of them starts, it is held for you to decide: it is more than the %n hour(s) late {persona} allows.</source>
        <translation>Cuando uno de ellos arranque, quedará retenida para que decidas tú: lleva más de las %n hora(s) de retraso que {persona} permite.</translation>
    </message>
    <message>
        <source>When one of them starts, it moves to {persona}&apos;s next free queue slot.</source>
        <translation>Cuando uno de ellos arranque, pasará al siguiente hueco libre de la cola de {persona}.</translation>
    </message>
    <message>
        <source>When one of them starts, it is held for you to decide: {persona} skips missed posts to its next queue slot, but has no queue slots.</source>
        <translation>Cuando uno de ellos arranque, quedará retenida para que decidas tú: {persona} pasa las publicaciones perdidas a su siguiente hueco de la cola, pero no tiene huecos en la cola.</translation>
    </message>
    <message>
        <source>When one of them starts, it is held for you to decide: {persona} asks about missed posts.</source>
        <translation>Cuando uno de ellos arranque, quedará retenida para que decidas tú: {persona} pregunta por las publicaciones perdidas.</translation>
    </message>
    <message>
        <source>Missed its time ({when}) by {late}: personamgr was closed, the computer was asleep, or posting was paused.</source>
        <translation>Perdió su hora ({when}) por {late}: personamgr estaba cerrado, el ordenador estaba en reposo o la publicación estaba en pausa.</translation>
    </message>
    <message>
        <source>{missed} Sent late (allowed up to {hours} h).</source>
        <translation>{missed} Se envió tarde (se permiten hasta {hours} h).</translation>
    </message>
    <message>
        <source>{missed} That is more than the {hours} h {persona} allows for late posts, so it was held: send it now, reschedule it, or keep it as a draft.</source>
        <translation>{missed} Es más de las {hours} h que {persona} permite para publicaciones tardías, así que se retuvo: envíala ahora, reprográmala o guárdala como borrador.</translation>
    </message>
    <message>
        <source>{missed} Moved to the next free queue slot.</source>
        <translation>{missed} Se movió al siguiente hueco libre de la cola.</translation>
    </message>
    <message>
        <source>{missed} {persona} skips missed posts to the next queue slot, but has no queue slots, so it was held: send it now, reschedule it, or keep it as a draft.</source>
        <translation>{missed} {persona} pasa las publicaciones perdidas al siguiente hueco de la cola, pero no tiene huecos, así que se retuvo: envíala ahora, reprográmala o guárdala como borrador.</translation>
    </message>
    <message>
        <source>{missed} Send it now, reschedule it, or keep it as a draft.</source>
        <translation>{missed} Envíala ahora, reprográmala o guárdala como borrador.</translation>
    </message>
</context>
<context>
    <name>MissedDialog</name>
    <message>
        <source>Posts that missed their time</source>
        <translation>Publicaciones que no salieron a su hora</translation>
    </message>
    <message>
        <source>Missed posts</source>
        <translation>Publicaciones no enviadas a su hora</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <source>Next free slot</source>
        <translation>Siguiente hueco libre</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Guardar como borrador</translation>
    </message>
    <message>
        <source>&amp;Decide later</source>
        <translation>&amp;Decidir más tarde</translation>
    </message>
    <message>
        <source>{name} · was due {due}</source>
        <translation>{name} · tenía que salir {due}</translation>
    </message>
    <message>
        <source>%n scheduled post(s) missed their time while personamgr was closed, the computer was asleep, or posting was paused. Nothing was sent. Choose what to do with each (select several to treat them alike).</source>
        <translation>%n publicaci(ón programada no salió|ones programadas no salieron) a su hora mientras personamgr estaba cerrado, el ordenador dormía o la publicación estaba en pausa. No se envió nada. Elige qué hacer con cada una (selecciona varias para tratarlas igual).</translation>
    </message>
    <message>
        <source>No missed posts are waiting for a decision.</source>
        <translation>No hay publicaciones pendientes de decisión.</translation>
    </message>
    <message>
        <source>{personas} has no queue slots: add some with Persona ▸ Edit persona…, or send it now, or keep it as a draft and schedule it from the compose box.</source>
        <translation>{personas} no tiene huecos en la cola: añade alguno con Persona ▸ Editar persona…, o envíala ahora, o guárdala como borrador y prográmala desde el cuadro de redacción.</translation>
    </message>
    <message>
        <source>Move to the persona&apos;s next free queue slot</source>
        <translation>Pasarla al siguiente hueco libre de la cola de la persona</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>Part 1 of the thread went out; part {failed} failed: {error} The remaining parts are unsent.</source>
        <translation>Salió la parte 1 del hilo; la parte {failed} falló: {error} Las partes restantes no se enviaron.</translation>
    </message>
    <message>
        <source>Parts 1–{sent} of the thread went out; part {failed} failed: {error} The remaining parts are unsent.</source>
        <translation>Salieron las partes 1–{sent} del hilo; la parte {failed} falló: {error} Las partes restantes no se enviaron.</translation>
    </message>
    <message>
        <source>Part 1 of {total} may or may not have gone out.</source>
        <translation>Puede que la parte 1 de {total} haya salido o no.</translation>
    </message>
    <message>
        <source>The {network} server {server} is not a secure address: personamgr sends an account&apos;s token or password only over https (plain http only to this computer), so nothing was sent to it. Edit the persona and change its server to {secure}.</source>
        <translation>El servidor de {network} {server} no es una dirección segura: personamgr envía el token o la contraseña de una cuenta solo por https (por http simple solo a este ordenador), así que no se le envió nada. Edita la persona y cambia su servidor a {secure}.</translation>
    </message>
    <message>
        <source>Check the account, then mark it sent or send it again.</source>
        <translation>Revisa la cuenta y luego márcala como enviada o envíala de nuevo.</translation>
    </message>
    <message>
        <source>Check the account for part {part}, then mark what went out or send it again from there.</source>
        <translation>Busca la parte {part} en la cuenta y luego marca lo que salió o vuelve a enviarlo desde ahí.</translation>
    </message>
    <message>
        <source>Part 1 of {total} went out; part {next} may or may not have.</source>
        <translation>La parte 1 de {total} salió; la parte {next} puede que haya salido o no.</translation>
    </message>
    <message>
        <source>Parts 1–{out} of {total} went out; part {next} may or may not have.</source>
        <translation>Las partes 1–{out} de {total} salieron; la parte {next} puede que haya salido o no.</translation>
    </message>
    <message>
        <source>Part {first} was not sent.</source>
        <translation>La parte {first} no se envió.</translation>
    </message>
    <message>
        <source>Parts {first}–{total} were not sent.</source>
        <translation>Las partes {first}–{total} no se enviaron.</translation>
    </message>
    <message>
        <source>{setting} is not a base URL such as http://127.0.0.1:8765. Fix or unset it; nothing was sent to {network}.</source>
        <translation>{setting} no es una URL base como http://127.0.0.1:8765. Corrígela o quítala; no se envió nada a {network}.</translation>
    </message>
    <message>
        <source>The stored {network} credentials are incomplete (missing {list}).</source>
        <translation>Las credenciales de {network} guardadas están incompletas (falta {list}).</translation>
    </message>
    <message>
        <source>The sandbox did not take the post: {why}.</source>
        <translation>Pruebas no aceptó la publicación: {why}.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>part {part} of {total} of post {id} may already have gone out (it needs review), so the post stays as it is: check the account for part {part}, then mark what went out or send it again from there</source>
        <translation>puede que la parte {part} de {total} de la publicación {id} ya haya salido (necesita revisión), así que la publicación se queda como está: busca la parte {part} en la cuenta y luego marca lo que salió o vuelve a enviarla desde ahí</translation>
    </message>
    <message>
        <source>post {id} may already have gone out (it needs review), so it stays as it is: check the account, then mark it sent or send it again</source>
        <translation>puede que la publicación {id} ya haya salido (necesita revisión), así que se queda como está: revisa la cuenta y luego márcala como enviada o envíala de nuevo</translation>
    </message>
    <message>
        <source>post {id} cannot be deleted until {time} UTC: {network} did not answer when it was sent, so it may be out already, and until then it is sent again by itself exactly as it is, which cannot post it twice. Deleted now, the app would forget a post that may be on {network}</source>
        <translation>la publicación {id} no se puede eliminar hasta las {time} UTC: {network} no respondió cuando se envió, así que puede que ya haya salido, y hasta entonces se vuelve a enviar sola exactamente como está, lo que no puede publicarla dos veces. Eliminada ahora, la aplicación olvidaría una publicación que puede estar en {network}</translation>
    </message>
    <message>
        <source>post {id} cannot be deleted until it is sent: its last send was cut short, so it may be on {network} already, and it is sent again by itself ({network} is asked first whether it arrived). Deleted now, the app would forget a post that may be on {network}</source>
        <translation>la publicación {id} no se puede eliminar hasta que se envíe: su último envío se interrumpió, así que puede que ya esté en {network}, y se vuelve a enviar sola (primero se pregunta a {network} si llegó). Eliminada ahora, la aplicación olvidaría una publicación que puede estar en {network}</translation>
    </message>
    <message>
        <source>{persona} cannot be deleted yet: the app would forget posts that may already be on {network}.</source>
        <translation>{persona} no se puede eliminar todavía: la aplicación olvidaría publicaciones que puede que ya estén en {network}.</translation>
    </message>
    <message>
        <source>Post(s) {ids} (needs|need) review: check the account, then mark each one sent or send it again.</source>
        <translation>(La publicación|Las publicaciones) {ids} (necesita|necesitan) revisión: comprueba la cuenta y luego marca cada una como enviada o vuelve a enviarla.</translation>
    </message>
    <message>
        <source>Post(s) {ids} (is|are) being sent, or (is|are) sent again by (itself|themselves) exactly as (it is|they are): wait until (it is|they are) sent or (needs|need) review.</source>
        <translation>(La publicación|Las publicaciones) {ids} se (está|están) enviando, o se (vuelve|vuelven) a enviar (sola|solas) tal como (está|están): espera a que se (envíe|envíen) o (necesite|necesiten) revisión.</translation>
    </message>
    <message>
        <source>part 1 of post {id} already went out on {network}</source>
        <translation>la parte 1 de la publicación {id} ya salió en {network}</translation>
    </message>
    <message>
        <source>parts 1–{n} of post {id} already went out on {network}</source>
        <translation>las partes 1–{n} de la publicación {id} ya salieron en {network}</translation>
    </message>
    <message>
        <source>part 1 of post {id} already went out</source>
        <translation>la parte 1 de la publicación {id} ya salió</translation>
    </message>
    <message>
        <source>parts 1–{n} of post {id} already went out</source>
        <translation>las partes 1–{n} de la publicación {id} ya salieron</translation>
    </message>
    <message>
        <source>post {id} does not exist</source>
        <translation>la publicación {id} no existe</translation>
    </message>
    <message>
        <source>post {id} is {state}; it cannot become {new}</source>
        <translation>la publicación {id} está en estado {state}; no puede pasar a {new}</translation>
    </message>
    <message>
        <source>parts 1–{sent} of post {id} already went out; only the rest can change</source>
        <translation>las partes 1–{sent} de la publicación {id} ya salieron; solo puede cambiar el resto</translation>
    </message>
    <message>
        <source>post {id} can no longer be edited</source>
        <translation>la publicación {id} ya no se puede editar</translation>
    </message>
    <message>
        <source>post {id} cannot change until it is sent: its last send was cut short, so it may be on {network} already. It is sent again only exactly as it is, and {network} is asked first whether it arrived, which cannot post it twice; changed or moved, it would be a second post</source>
        <translation>la publicación {id} no se puede cambiar hasta que se envíe: su último envío se interrumpió, así que puede que ya esté en {network}. Solo se vuelve a enviar exactamente como está, y primero se pregunta a {network} si llegó, lo que no puede publicarla dos veces; cambiada o movida, sería una segunda publicación</translation>
    </message>
    <message>
        <source>post {id} cannot be deleted until {time} UTC: X had a server error when it was sent, so it may be on X already, and until then it is sent again by itself exactly as it is (X refuses a copy of a recent post it has, and the post then waits for review). Deleted now, the app would forget a post that may be on X</source>
        <translation>la publicación {id} no se puede eliminar hasta las {time} UTC: X tuvo un error del servidor cuando se envió, así que puede que ya esté en X, y hasta entonces se vuelve a enviar sola exactamente como está (X rechaza una copia de una publicación reciente que ya tiene, y entonces la publicación espera revisión). Eliminada ahora, la aplicación olvidaría una publicación que puede estar en X</translation>
    </message>
    <message>
        <source>post {id} cannot change until {time} UTC: X had a server error when it was sent, so it may be on X already. Until then it is sent again only exactly as it is, which X refuses as a copy if the first arrived (the post then waits for review); changed or moved, it would be a second post</source>
        <translation>la publicación {id} no se puede cambiar hasta las {time} UTC: X tuvo un error del servidor cuando se envió, así que puede que ya esté en X. Hasta entonces solo se vuelve a enviar exactamente como está, y X la rechaza como copia si la primera llegó (entonces la publicación espera revisión); cambiada o movida, sería una segunda publicación</translation>
    </message>
    <message>
        <source>post {id} cannot change until {time} UTC: {network} did not answer when it was sent, so it may be out already. Until then it is sent again only exactly as it is, which cannot post it twice; changed, it would be a second post</source>
        <translation>la publicación {id} no se puede cambiar hasta las {time} UTC: {network} no respondió cuando se envió, así que puede que ya esté publicada. Hasta entonces solo se vuelve a enviar exactamente como está, lo que no puede publicarla dos veces; cambiada, sería una segunda publicación</translation>
    </message>
    <message>
        <source>visibility {value} must be one of {choices}</source>
        <translation>la visibilidad {value} debe ser una de estas: {choices}</translation>
    </message>
    <message>
        <source>post {id} can no longer be changed</source>
        <translation>la publicación {id} ya no se puede cambiar</translation>
    </message>
    <message>
        <source>{parts_out}, so the thread stays with {persona}</source>
        <translation>{parts_out}, así que el hilo se queda en {persona}</translation>
    </message>
    <message>
        <source>post {id} can no longer be moved</source>
        <translation>la publicación {id} ya no se puede mover</translation>
    </message>
    <message>
        <source>{parts_out}: what is out is public, so the post&apos;s record is kept</source>
        <translation>{parts_out}: lo publicado es público, así que se conserva el registro de la publicación</translation>
    </message>
    <message>
        <source>post {id} is {state}; it cannot be deleted now</source>
        <translation>la publicación {id} está en estado {state}; ahora no se puede borrar</translation>
    </message>
    <message>
        <source>The app on {host} stopped answering while this thread was being sent.</source>
        <translation>La aplicación en {host} dejó de responder mientras se enviaba este hilo.</translation>
    </message>
    <message>
        <source>The app stopped while this thread was being sent.</source>
        <translation>La aplicación se detuvo mientras se enviaba este hilo.</translation>
    </message>
    <message>
        <source>The app stopped answering while this thread was being sent.</source>
        <translation>La aplicación dejó de responder mientras se enviaba este hilo.</translation>
    </message>
    <message>
        <source>The app on {host} stopped answering while this post was being sent.</source>
        <translation>La aplicación en {host} dejó de responder mientras se enviaba esta publicación.</translation>
    </message>
    <message>
        <source>The app stopped while this post was being sent.</source>
        <translation>La aplicación se detuvo mientras se enviaba esta publicación.</translation>
    </message>
    <message>
        <source>The app stopped answering while this post was being sent.</source>
        <translation>La aplicación dejó de responder mientras se enviaba esta publicación.</translation>
    </message>
    <message>
        <source>{why} It carries a key {network} recognises, so it is sent again by itself and cannot go out twice.</source>
        <translation>{why} Lleva una clave que {network} reconoce, así que se vuelve a enviar sola y no puede salir dos veces.</translation>
    </message>
    <message>
        <source>{why} {known} Part {part} carries a key {network} recognises, so the thread goes on by itself from there, and no part goes out twice.</source>
        <translation>{why} {known} La parte {part} lleva una clave que {network} reconoce, así que el hilo sigue solo desde ahí, y ninguna parte sale dos veces.</translation>
    </message>
    <message>
        <source>{why} {network} is asked first whether it arrived, so it is sent again by itself and cannot go out twice.</source>
        <translation>{why} Primero se pregunta a {network} si llegó, así que se vuelve a enviar sola y no puede salir dos veces.</translation>
    </message>
    <message>
        <source>{why} {known} {network} is asked first whether part {part} arrived, so the thread goes on by itself from there, and no part goes out twice.</source>
        <translation>{why} {known} Primero se pregunta a {network} si la parte {part} llegó, así que el hilo sigue solo desde ahí, y ninguna parte sale dos veces.</translation>
    </message>
    <message>
        <source>The app on {host} stopped answering while this post was being sent. It may or may not have gone out: check the account, then mark it sent or send it again.</source>
        <translation>La aplicación en {host} dejó de responder mientras se enviaba esta publicación. Puede que haya salido o no: revisa la cuenta y luego márcala como enviada o envíala de nuevo.</translation>
    </message>
    <message>
        <source>The app stopped while this post was being sent. It may or may not have gone out: check the account, then mark it sent or send it again.</source>
        <translation>La aplicación se detuvo mientras se enviaba esta publicación. Puede que haya salido o no: revisa la cuenta y luego márcala como enviada o envíala de nuevo.</translation>
    </message>
    <message>
        <source>The app stopped answering while this post was being sent. It may or may not have gone out: check the account, then mark it sent or send it again.</source>
        <translation>La aplicación dejó de responder mientras se enviaba esta publicación. Puede que haya salido o no: revisa la cuenta y luego márcala como enviada o envíala de nuevo.</translation>
    </message>
</context>
<context>
    <name>PersonaEditor</name>
    <message>
        <source>Strict: warn at the first sign of drift</source>
        <translation>Estricto: avisar al primer indicio de desvío</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Relaxed: warn only when clearly off-topic</source>
        <translation>Relajado: avisar solo si está claramente fuera de tema</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Pública</translation>
    </message>
    <message>
        <source>Quiet public (unlisted: not in trends or public timelines)</source>
        <translation>Pública discreta (no listada: fuera de tendencias y cronologías públicas)</translation>
    </message>
    <message>
        <source>Followers only</source>
        <translation>Solo seguidores</translation>
    </message>
    <message>
        <source>Mentioned people only</source>
        <translation>Solo las personas mencionadas</translation>
    </message>
    <message>
        <source>Ask me what to do</source>
        <translation>Preguntarme qué hacer</translation>
    </message>
    <message>
        <source>Post it late, if no later than</source>
        <translation>Publicarla tarde, si no pasan más de</translation>
    </message>
    <message>
        <source>Skip to the next queue slot</source>
        <translation>Pasar al siguiente hueco de la cola</translation>
    </message>
    <message>
        <source>To keep the old clock time instead, edit {name} again: the editor offers it.</source>
        <translation>Para conservar en cambio la hora de reloj de antes, vuelve a editar {name}: el editor lo ofrece.</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Editar {name}</translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>Nueva persona</translation>
    </message>
    <message>
        <source>career</source>
        <translation>carrera</translation>
    </message>
    <message>
        <source>kitchen</source>
        <translation>cocina</translation>
    </message>
    <message>
        <source>@kitchen_notes</source>
        <translation>@notas_de_cocina</translation>
    </message>
    <message>
        <source>Home cooking, recipes and seasonal food on a budget</source>
        <translation>Cocina casera, recetas y comida de temporada con poco presupuesto</translation>
    </message>
    <message>
        <source>cooking
recipes</source>
        <translation>cocina
recetas</translation>
    </message>
    <message>
        <source>dinner
baking</source>
        <translation>cena
repostería</translation>
    </message>
    <message>
        <source>politics</source>
        <translation>política</translation>
    </message>
    <message>
        <source>#homecooking #recipes</source>
        <translation>#cocinacasera #recetas</translation>
    </message>
    <message>
        <source>chess</source>
        <translation>ajedrez</translation>
    </message>
    <message>
        <source>@chess_notes</source>
        <translation>@notas_de_ajedrez</translation>
    </message>
    <message>
        <source>Club chess: openings, annotated games and tournaments</source>
        <translation>Ajedrez de club: aperturas, partidas comentadas y torneos</translation>
    </message>
    <message>
        <source>chess
openings</source>
        <translation>ajedrez
aperturas</translation>
    </message>
    <message>
        <source>endgame
tournament</source>
        <translation>final
torneo</translation>
    </message>
    <message>
        <source>#chess #openings</source>
        <translation>#ajedrez #aperturas</translation>
    </message>
    <message>
        <source>Unique; used in menus and by the CLI.</source>
        <translation>Único; se usa en los menús y en la línea de órdenes.</translation>
    </message>
    <message>
        <source>@career_me</source>
        <translation>@mi_carrera</translation>
    </message>
    <message>
        <source>&amp;Handle</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Choose any colour</source>
        <translation>Elegir cualquier color</translation>
    </message>
    <message>
        <source>Ne&amp;twork</source>
        <translation>&amp;Red</translation>
    </message>
    <message>
        <source>Premium account (posts up to 25,000 characters instead of 280)</source>
        <translation>Cuenta Premium (publicaciones de hasta 25.000 caracteres en lugar de 280)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Se&amp;rver</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <source>Default visibility</source>
        <translation>Visibilidad predeterminada</translation>
    </message>
    <message>
        <source>&amp;Visibility</source>
        <translation>&amp;Visibilidad</translation>
    </message>
    <message>
        <source>Each post&apos;s visibility unless you choose another for it.</source>
        <translation>La visibilidad de cada publicación, salvo que elijas otra para ella.</translation>
    </message>
    <message>
        <source>Default content warning</source>
        <translation>Aviso de contenido predeterminado</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Content &amp;warning</source>
        <translation>Aviso &amp;de contenido</translation>
    </message>
    <message>
        <source>Shown before each post&apos;s text unless you change it for that post; it counts toward the length.</source>
        <translation>Se muestra antes del texto de cada publicación salvo que lo cambies para ella; cuenta para la longitud.</translation>
    </message>
    <message>
        <source>Careers, job search and the economy for professionals over 40</source>
        <translation>Carrera profesional, búsqueda de empleo y economía para profesionales de más de 40</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>A description or at least one topic is required: the guard checks posts against them.</source>
        <translation>Hace falta una descripción o al menos un tema: el guardián compara las publicaciones con ellos.</translation>
    </message>
    <message>
        <source>careers
job search</source>
        <translation>carrera profesional
búsqueda de empleo</translation>
    </message>
    <message>
        <source>T&amp;opics</source>
        <translation>&amp;Temas</translation>
    </message>
    <message>
        <source>One per line.</source>
        <translation>Uno por línea.</translation>
    </message>
    <message>
        <source>resume
interview</source>
        <translation>currículum
entrevista</translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation>&amp;Palabras clave</translation>
    </message>
    <message>
        <source>A post that is typical of this persona.

Another one.</source>
        <translation>Una publicación típica de esta persona.

Otra más.</translation>
    </message>
    <message>
        <source>&amp;Example posts</source>
        <translation>Publicaciones de &amp;ejemplo</translation>
    </message>
    <message>
        <source>Separate posts with a blank line.</source>
        <translation>Separa las publicaciones con una línea en blanco.</translation>
    </message>
    <message>
        <source>heavy metal</source>
        <translation>heavy metal</translation>
    </message>
    <message>
        <source>&amp;Avoid topics</source>
        <translation>Temas que e&amp;vitar</translation>
    </message>
    <message>
        <source>#careers #jobsearch</source>
        <translation>#empleo #carrera</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <source>Queue slots and the monthly budget follow this zone; posts already scheduled keep the moment they go out. Type to search: &quot;berlin&quot;, &quot;new_york&quot;.</source>
        <translation>Los huecos de la cola y el presupuesto mensual siguen esta zona; las publicaciones ya programadas conservan el momento en que salen. Escribe para buscar: «madrid», «mexico_city».</translation>
    </message>
    <message>
        <source>Move its scheduled posts to the same clock time in the new zone</source>
        <translation>Mover sus publicaciones programadas a la misma hora de reloj en la zona nueva</translation>
    </message>
    <message>
        <source>Move %n scheduled post(s) to the clock time (it|they) had in {zone}</source>
        <translation>Mover %n publicaci(ón programada|ones programadas) a la hora de reloj que (tenía|tenían) en {zone}</translation>
    </message>
    <message>
        <source>Signature &amp;hashtags</source>
        <translation>&amp;Hashtags propios</translation>
    </message>
    <message>
        <source>The guard warns if they show up on another persona.</source>
        <translation>El guardián avisa si aparecen en otra persona.</translation>
    </message>
    <message>
        <source>&amp;Guard</source>
        <translation>&amp;Guardián</translation>
    </message>
    <message>
        <source>How late it may still go out</source>
        <translation>Con cuánto retraso puede salir aún</translation>
    </message>
    <message>
        <source> hours late</source>
        <translation> horas de retraso</translation>
    </message>
    <message>
        <source>&amp;Missed posts</source>
        <translation>Publicaciones no en&amp;viadas</translation>
    </message>
    <message>
        <source>When a scheduled time passed while personamgr was closed or the computer slept.</source>
        <translation>Cuando pasó una hora programada con personamgr cerrado o el ordenador dormido.</translation>
    </message>
    <message>
        <source>Queue slots</source>
        <translation>Huecos de la cola</translation>
    </message>
    <message>
        <source>Day of the new slot</source>
        <translation>Día del nuevo hueco</translation>
    </message>
    <message>
        <source>Time of the new slot</source>
        <translation>Hora del nuevo hueco</translation>
    </message>
    <message>
        <source>Add slot</source>
        <translation>Añadir hueco</translation>
    </message>
    <message>
        <source>Every weekday</source>
        <translation>Todos los días laborables</translation>
    </message>
    <message>
        <source>Add this time on Monday to Friday</source>
        <translation>Añadir esta hora de lunes a viernes</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>&amp;Identity</source>
        <translation>&amp;Identidad</translation>
    </message>
    <message>
        <source>&amp;Focus</source>
        <translation>Te&amp;ma</translation>
    </message>
    <message>
        <source>Sched&amp;ule</source>
        <translation>Pr&amp;ogramación</translation>
    </message>
    <message>
        <source>&amp;Limits</source>
        <translation>&amp;Límites</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>Cre&amp;ar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Gu&amp;ardar</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncelar</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>Nom&amp;bre</translation>
    </message>
    <message>
        <source>C&amp;olour</source>
        <translation>&amp;Color</translation>
    </message>
    <message>
        <source>New slo&amp;t:</source>
        <translation>Nuevo &amp;hueco:</translation>
    </message>
    <message>
        <source>&amp;Queue slots</source>
        <translation>Huecos de la &amp;cola</translation>
    </message>
    <message>
        <source>&quot;Add to queue&quot; takes the next free slot, in the persona&apos;s time zone.</source>
        <translation>«Añadir a la cola» toma el siguiente hueco libre, en la zona horaria de la persona.</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>Limitar a</translation>
    </message>
    <message>
        <source>Limit the monthly budget</source>
        <translation>Limitar el presupuesto mensual</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>Presupuesto mensual</translation>
    </message>
    <message>
        <source> a month</source>
        <translation> al mes</translation>
    </message>
    <message>
        <source>Monthly &amp;budget</source>
        <translation>&amp;Presupuesto mensual</translation>
    </message>
    <message>
        <source>X bills about $0.015 a post, about $0.20 with a link. Posting stops at the budget.</source>
        <translation>X cobra unos 0,015 $ por publicación y unos 0,20 $ con enlace. Al llegar al presupuesto se deja de publicar.</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Como máximo</translation>
    </message>
    <message>
        <source>Cap the posts a month</source>
        <translation>Limitar las publicaciones al mes</translation>
    </message>
    <message>
        <source>Monthly post cap</source>
        <translation>Límite mensual de publicaciones</translation>
    </message>
    <message>
        <source> posts a month</source>
        <translation> publicaciones al mes</translation>
    </message>
    <message>
        <source>Monthly &amp;post cap</source>
        <translation>Límite men&amp;sual de publicaciones</translation>
    </message>
    <message>
        <source>Each part of a thread counts as one post.</source>
        <translation>Cada parte de un hilo cuenta como una publicación.</translation>
    </message>
    <message>
        <source>Nothing spent yet.</source>
        <translation>Aún no se ha gastado nada.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <source>Spent so far</source>
        <translation>Gastado hasta ahora</translation>
    </message>
    <message>
        <source>Persona colour</source>
        <translation>Color de la persona</translation>
    </message>
    <message>
        <source>After saving, connect the X account: Persona ▸ Connect account…</source>
        <translation>Después de guardar, conecta la cuenta de X: Persona ▸ Conectar cuenta…</translation>
    </message>
    <message>
        <source>The built-in demo network: posts stay on this computer.</source>
        <translation>La red de demostración integrada: las publicaciones se quedan en este ordenador.</translation>
    </message>
    <message>
        <source>After saving, connect the account: Persona ▸ Connect account… You sign in on your own server; its limits (characters, images) are read from it.</source>
        <translation>Después de guardar, conecta la cuenta: Persona ▸ Conectar cuenta… Inicias sesión en tu propio servidor; sus límites (caracteres, imágenes) se leen de él.</translation>
    </message>
    <message>
        <source>After saving, connect the account with an app password: Persona ▸ Connect account… Leave the server empty: the account&apos;s own server is found from its handle. Posts are at most 300 characters.</source>
        <translation>Después de guardar, conecta la cuenta con una contraseña de aplicación: Persona ▸ Conectar cuenta… Deja el servidor vacío: el servidor propio de la cuenta se averigua a partir de su usuario. Las publicaciones tienen como máximo 300 caracteres.</translation>
    </message>
    <message>
        <source>{note} The demo posts only here; to post on X, Mastodon or Bluesky, make your personas in your own profile (Help ▸ Open your own profile).</source>
        <translation>{note} La demo publica solo aquí; para publicar en X, Mastodon o Bluesky, crea tus personas en tu propio perfil (Ayuda ▸ Abrir tu propio perfil).</translation>
    </message>
    <message>
        <source>The demo posts only on its built-in sandbox and connects no account: choose the sandbox, or make this persona in your own profile (Help ▸ Open your own profile).</source>
        <translation>La demo publica solo en Pruebas, su red de demostración integrada, y no conecta ninguna cuenta: elige Pruebas, o crea esta persona en tu propio perfil (Ayuda ▸ Abrir tu propio perfil).</translation>
    </message>
    <message>
        <source>found from the handle</source>
        <translation>se averigua a partir del usuario</translation>
    </message>
    <message>
        <source>Could not read the spending: {error}.</source>
        <translation>No se pudo leer el gasto: {error}.</translation>
    </message>
    <message>
        <source>another persona is already named {name!r}</source>
        <translation>ya hay otra persona llamada {name!r}</translation>
    </message>
    <message>
        <source>{name} already uses the handle {handle}</source>
        <translation>{name} ya usa el usuario {handle}</translation>
    </message>
    <message>
        <source>Not saved: {error}. Everything you typed is still here.</source>
        <translation>No se ha guardado: {error}. Todo lo que escribiste sigue aquí.</translation>
    </message>
</context>
<context>
    <name>PersonaFile</name>
    <message>
        <source>persona #{number} ({name})</source>
        <translation>persona n.º {number} ({name})</translation>
    </message>
    <message>
        <source>persona #{number}</source>
        <translation>persona n.º {number}</translation>
    </message>
    <message>
        <source>queue slot {text}: the day must be mon, tue, wed, thu, fri, sat or sun</source>
        <translation>el hueco de cola {text}: el día debe ser mon, tue, wed, thu, fri, sat o sun</translation>
    </message>
    <message>
        <source>queue slot {text}: there is no {time} (times are 00:00 to 23:59)</source>
        <translation>el hueco de cola {text}: no existe la hora {time} (van de 00:00 a 23:59)</translation>
    </message>
    <message>
        <source>queue slot {text} must look like &apos;mon 09:30&apos;</source>
        <translation>el hueco de cola {text} debe tener la forma &apos;mon 09:30&apos;</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a list of strings</source>
        <translation>&apos;{key}&apos; debe ser una lista de cadenas</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a string</source>
        <translation>&apos;{key}&apos; debe ser una cadena</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be true or false</source>
        <translation>&apos;{key}&apos; debe ser true o false</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a whole number</source>
        <translation>&apos;{key}&apos; debe ser un número entero</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a number</source>
        <translation>&apos;{key}&apos; debe ser un número</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is far too large</source>
        <translation>&apos;{key}&apos; es demasiado grande</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be one of {list}</source>
        <translation>&apos;{key}&apos; debe ser uno de estos: {list}</translation>
    </message>
    <message>
        <source>network {value} must be one of {list}</source>
        <translation>la red {value} debe ser una de estas: {list}</translation>
    </message>
    <message>
        <source>&apos;queue&apos; must be a list of slots like &apos;mon 09:30&apos;</source>
        <translation>&apos;queue&apos; debe ser una lista de huecos como &apos;mon 09:30&apos;</translation>
    </message>
    <message>
        <source>not valid TOML: {problem}</source>
        <translation>no es TOML válido: {problem}</translation>
    </message>
    <message>
        <source>not valid TOML: arrays or tables are nested too deeply to read</source>
        <translation>no es TOML válido: las listas o tablas están anidadas a demasiada profundidad para leerlas</translation>
    </message>
    <message>
        <source>unexpected top-level key {key}; expected only [[persona]] tables</source>
        <translation>clave de primer nivel inesperada {key}; solo se esperaban tablas [[persona]]</translation>
    </message>
    <message>
        <source>no [[persona]] tables found</source>
        <translation>no se encontraron tablas [[persona]]</translation>
    </message>
    <message>
        <source>&apos;persona&apos; must be written as [[persona]] tables</source>
        <translation>&apos;persona&apos; debe escribirse como tablas [[persona]]</translation>
    </message>
    <message>
        <source>unknown key {key}: a misspelt key, or one a newer personamgr writes. Update personamgr to import it, or remove that line.</source>
        <translation>clave desconocida {key}: una clave mal escrita, o una que escribe un personamgr más nuevo. Actualiza personamgr para importarlo, o quita esa línea.</translation>
    </message>
    <message>
        <source>two personas are named {name}; names must be unique</source>
        <translation>dos personas se llaman {name}; los nombres deben ser únicos</translation>
    </message>
    <message>
        <source>two personas use the {key} {value}</source>
        <translation>dos personas usan el mismo {key}: {value}</translation>
    </message>
    <message>
        <source> (also {persona}, line {line})</source>
        <translation> (también {persona}, línea {line})</translation>
    </message>
    <message>
        <source> (also {persona})</source>
        <translation> (también {persona})</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>no se encontró el archivo</translation>
    </message>
    <message>
        <source>is a directory, not a personas file</source>
        <translation>es una carpeta, no un archivo de personas</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>no se puede leer: {error}</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
</context>
<context>
    <name>PersonaFinder</name>
    <message>
        <source>Find a persona (Ctrl+P)</source>
        <translation>Buscar una persona (Ctrl+P)</translation>
    </message>
    <message>
        <source>Find a persona by name, handle or topic</source>
        <translation>Buscar una persona por nombre, usuario o tema</translation>
    </message>
    <message>
        <source>No persona matches “{text}”.</source>
        <translation>Ninguna persona coincide con «{text}».</translation>
    </message>
</context>
<context>
    <name>PersonaImport</name>
    <message>
        <source>updates the existing persona {name} like {label} (line {line}); give each persona once</source>
        <translation>actualiza la persona existente {name}, igual que {label} (línea {line}); pon cada persona una sola vez</translation>
    </message>
    <message>
        <source>the name {name} is already used by the persona {other}; names must be unique</source>
        <translation>el nombre {name} ya lo usa la persona {other}; los nombres deben ser únicos</translation>
    </message>
    <message>
        <source>the handle {handle} is already used by the persona {name}</source>
        <translation>el usuario {handle} ya lo usa la persona {name}</translation>
    </message>
    <message>
        <source>nothing was imported: the backup of the personas could not be written to {backups}: {error}</source>
        <translation>no se importó nada: no se pudo escribir la copia de seguridad de las personas en {backups}: {error}</translation>
    </message>
    <message>
        <source>nothing was imported: {persona} was changed or deleted since the preview; look at the import again</source>
        <translation>no se importó nada: {persona} se cambió o se borró después de la vista previa; vuelve a mirar la importación</translation>
    </message>
    <message>
        <source>nothing was imported: a persona named {name} was added since the preview; look at the import again</source>
        <translation>no se importó nada: se añadió una persona llamada {name} después de la vista previa; vuelve a mirar la importación</translation>
    </message>
    <message>
        <source>there is no import to undo</source>
        <translation>no hay ninguna importación que deshacer</translation>
    </message>
    <message>
        <source>the backup taken before importing {file} cannot be read: {error}</source>
        <translation>no se puede leer la copia de seguridad hecha antes de importar {file}: {error}</translation>
    </message>
    <message>
        <source>nothing was undone: the backup of the personas could not be written to {backups}: {error}</source>
        <translation>no se deshizo nada: no se pudo escribir la copia de seguridad de las personas en {backups}: {error}</translation>
    </message>
    <message>
        <source>nothing was undone: a persona the import changed would take a name or handle that another persona has since; rename it and try again (backup: {safety})</source>
        <translation>no se deshizo nada: una persona que cambió la importación tomaría un nombre o usuario que desde entonces tiene otra persona; cámbiale el nombre y vuelve a intentarlo (copia de seguridad: {safety})</translation>
    </message>
</context>
<context>
    <name>PersonaImporter</name>
    <message>
        <source>Import personas</source>
        <translation>Importar personas</translation>
    </message>
    <message>
        <source>Personas (*.toml);;All files (*)</source>
        <translation>Personas (*.toml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Imported %n persona(s) from {file}: {added} new, {updated} updated.</source>
        <translation>Importada(s) %n persona(s) de {file}: {added} nuevas, {updated} cambiadas.</translation>
    </message>
    <message>
        <source>To keep the old clock times instead, edit the persona: its editor offers it.</source>
        <translation>Para conservar en cambio las horas de reloj de antes, edita la persona: su editor lo ofrece.</translation>
    </message>
    <message>
        <source>{path}: nothing was imported: {reason}</source>
        <translation>{path}: no se ha importado nada: {reason}</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se ha importado nada.</translation>
    </message>
    <message>
        <source>Nothing was imported: a file is imported whole or not at all. Fix the file and try again.</source>
        <translation>No se ha importado nada: un archivo se importa entero o nada. Corrige el archivo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Undo last import</source>
        <translation>Deshacer la última importación</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>No hay ninguna importación que deshacer.</translation>
    </message>
    <message>
        <source>Undo the import of {file} on {when} UTC?</source>
        <translation>¿Deshacer la importación de {file} del {when} UTC?</translation>
    </message>
    <message>
        <source>Undo the import of {file}?</source>
        <translation>¿Deshacer la importación de {file}?</translation>
    </message>
    <message>
        <source>%n persona(s) go back to how they were before it (edits made since are lost).</source>
        <translation>%n persona(s) vuelv(e|en) a como estab(a|an) antes (se pierden los cambios hechos después).</translation>
    </message>
    <message>
        <source>The %n it added are removed, unless they have posts or an account since.</source>
        <translation>Se quitan las %n que añadió, salvo las que tengan publicaciones o una cuenta desde entonces.</translation>
    </message>
    <message>
        <source>Your personas are backed up first.</source>
        <translation>Antes se hace una copia de tus personas.</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Deshacer la importación</translation>
    </message>
    <message>
        <source>Restored: {names}.</source>
        <translation>Restauradas: {names}.</translation>
    </message>
    <message>
        <source>Removed: {names}.</source>
        <translation>Quitadas: {names}.</translation>
    </message>
    <message>
        <source>Kept, because they have posts or an account: {names}.</source>
        <translation>Conservadas, porque tienen publicaciones o una cuenta: {names}.</translation>
    </message>
    <message>
        <source>Deleted since the import, so not restored: {names}.</source>
        <translation>Borradas después de la importación, así que no se restauran: {names}.</translation>
    </message>
    <message>
        <source>Undid the import of {file}.</source>
        <translation>Se ha deshecho la importación de {file}.</translation>
    </message>
    <message>
        <source>Your personas as they were just before are in {path}.</source>
        <translation>Tus personas tal como estaban justo antes están en {path}.</translation>
    </message>
    <message>
        <source>nothing was undone: {reason}</source>
        <translation>no se ha deshecho nada: {reason}</translation>
    </message>
</context>
<context>
    <name>PersonaList</name>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
</context>
<context>
    <name>PersonaManager</name>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} guardada.</translation>
    </message>
    <message>
        <source>Connect its X account from the Persona menu.</source>
        <translation>Conecta su cuenta de X desde el menú Persona.</translation>
    </message>
    <message>
        <source>Created {name}.{extra}</source>
        <translation>{name} creada.{extra}</translation>
    </message>
    <message>
        <source>Delete persona</source>
        <translation>Borrar persona</translation>
    </message>
    <message>
        <source>Could not read {name}&apos;s posts: {error}</source>
        <translation>No se pudieron leer las publicaciones de {name}: {error}</translation>
    </message>
    <message>
        <source>%n post(s)</source>
        <translation>%n publicaci(ón|ones)</translation>
    </message>
    <message>
        <source>%n draft(s)</source>
        <translation>%n borrador(es)</translation>
    </message>
    <message>
        <source>{posts} and {drafts}</source>
        <translation>{posts} y {drafts}</translation>
    </message>
    <message>
        <source>no posts or drafts</source>
        <translation>ninguna publicación ni borrador</translation>
    </message>
    <message>
        <source>Its {what} will be deleted with it.</source>
        <translation>Se borrarán con ella: {what}.</translation>
    </message>
    <message>
        <source>It has no posts or drafts.</source>
        <translation>No tiene publicaciones ni borradores.</translation>
    </message>
    <message>
        <source>Its scheduled posts will not go out.</source>
        <translation>Sus publicaciones programadas no saldrán.</translation>
    </message>
    <message>
        <source>Its credentials, if any, are removed from the keyring. Posts already on the network stay there.</source>
        <translation>Sus credenciales, si las hay, se quitan del llavero. Las publicaciones que ya están en la red se quedan allí.</translation>
    </message>
    <message>
        <source>This cannot be undone; File ▸ Export personas… keeps a copy of its settings.</source>
        <translation>No se puede deshacer; Archivo ▸ Exportar personas… guarda una copia de su configuración.</translation>
    </message>
    <message>
        <source>Delete {name}?</source>
        <translation>¿Borrar {name}?</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>Borrar {name}</translation>
    </message>
    <message>
        <source>{name} was not deleted: {error}</source>
        <translation>{name} no se ha borrado: {error}</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} borrada.</translation>
    </message>
    <message>
        <source>Persona deleted, credentials left behind</source>
        <translation>Persona borrada, credenciales pendientes</translation>
    </message>
    <message>
        <source>Remove the entry named personamgr / persona:… with your keyring manager (Passwords and Keys), or delete the persona&apos;s developer app access on X.</source>
        <translation>Quita la entrada personamgr / persona:… con tu gestor de llaveros (Contraseñas y claves), o retira el acceso de la app de desarrollador de la persona en X.</translation>
    </message>
    <message>
        <source>Export personas</source>
        <translation>Exportar personas</translation>
    </message>
    <message>
        <source>Personas (*.toml)</source>
        <translation>Personas (*.toml)</translation>
    </message>
    <message>
        <source>Exported %n persona(s) to {path}. Credentials are never exported.</source>
        <translation>Exportada(s) %n persona(s) a {path}. Las credenciales nunca se exportan.</translation>
    </message>
    <message>
        <source>Edit {name}…</source>
        <translation>Editar {name}…</translation>
    </message>
    <message>
        <source>Delete {name}…</source>
        <translation>Borrar {name}…</translation>
    </message>
    <message>
        <source>New persona…</source>
        <translation>Nueva persona…</translation>
    </message>
</context>
<context>
    <name>Personas</name>
    <message>
        <source>invalid queue slot {weekday} {hour}:{minute}</source>
        <translation>hueco de cola no válido {weekday} {hour}:{minute}</translation>
    </message>
    <message>
        <source>{what} must be text, got {name}</source>
        <translation>{what} debe ser texto, no {name}</translation>
    </message>
    <message>
        <source>a persona needs a name</source>
        <translation>una persona necesita un nombre</translation>
    </message>
    <message>
        <source>name {name} has leading or trailing spaces</source>
        <translation>el nombre {name} tiene espacios al principio o al final</translation>
    </message>
    <message>
        <source>name {name}… is longer than {max} characters</source>
        <translation>el nombre {name}… tiene más de {max} caracteres</translation>
    </message>
    <message>
        <source>name {name} contains a line break or tab</source>
        <translation>el nombre {name} contiene un salto de línea o un tabulador</translation>
    </message>
    <message>
        <source>name {name} contains a bidi control ({char}) at position {position}</source>
        <translation>el nombre {name} contiene un control bidireccional ({char}) en la posición {position}</translation>
    </message>
    <message>
        <source>name {name} contains a control or invisible character ({char}) at position {position}</source>
        <translation>el nombre {name} contiene un carácter de control o invisible ({char}) en la posición {position}</translation>
    </message>
    <message>
        <source>name {name} has no visible characters</source>
        <translation>el nombre {name} no tiene caracteres visibles</translation>
    </message>
    <message>
        <source>{what} must be a whole number; got {value}</source>
        <translation>{what} debe ser un número entero; se recibió {value}</translation>
    </message>
    <message>
        <source>{what} must be between {low} and {high}; got {value}</source>
        <translation>{what} debe estar entre {low} y {high}; se recibió {value}</translation>
    </message>
    <message>
        <source>visibility {visibility} must be one of {list}</source>
        <translation>la visibilidad {visibility} debe ser una de estas: {list}</translation>
    </message>
    <message>
        <source>the default content warning must be one line of text</source>
        <translation>la advertencia de contenido predeterminada debe ser una línea de texto</translation>
    </message>
    <message>
        <source>{what} has {count} entries; at most {max} are allowed</source>
        <translation>{what} tiene {count} entradas; se permiten como mucho {max}</translation>
    </message>
    <message>
        <source>an entry in {what} is longer than {max} characters</source>
        <translation>una entrada de {what} tiene más de {max} caracteres</translation>
    </message>
    <message>
        <source>description must be text</source>
        <translation>la descripción debe ser texto</translation>
    </message>
    <message>
        <source>description is {count} characters long; at most {max}</source>
        <translation>la descripción tiene {count} caracteres; como mucho {max}</translation>
    </message>
    <message>
        <source>persona {name} needs a focus: a description or at least one topic</source>
        <translation>la persona {name} necesita un enfoque: una descripción o al menos un tema</translation>
    </message>
    <message>
        <source>colour {colour} must look like #1d9bf0</source>
        <translation>el color {colour} debe tener la forma #1d9bf0</translation>
    </message>
    <message>
        <source>network {network} must be a short lower-case name such as x or sandbox</source>
        <translation>la red {network} debe ser un nombre corto en minúsculas, como x o sandbox</translation>
    </message>
    <message>
        <source>uid {uid} must be 1 to 32 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>el uid {uid} debe tener de 1 a 32 letras, cifras, &apos;-&apos; o &apos;_&apos;</translation>
    </message>
    <message>
        <source>unknown time zone {timezone} (use an IANA name such as Europe/Berlin)</source>
        <translation>zona horaria desconocida {timezone} (usa un nombre IANA como Europe/Madrid)</translation>
    </message>
    <message>
        <source>late_hours (how late a missed post may go out)</source>
        <translation>late_hours (con cuánto retraso puede salir una publicación perdida)</translation>
    </message>
    <message>
        <source>the monthly budget in dollars</source>
        <translation>el presupuesto mensual en dólares</translation>
    </message>
    <message>
        <source>the monthly post cap</source>
        <translation>el límite mensual de publicaciones</translation>
    </message>
    <message>
        <source>{count} queue slots; at most {max} are allowed</source>
        <translation>{count} huecos de cola; se permiten como mucho {max}</translation>
    </message>
    <message>
        <source>the handle must be text</source>
        <translation>el usuario debe ser texto</translation>
    </message>
    <message>
        <source>handle {handle} must look like @name@server.social (a Mastodon account)</source>
        <translation>el usuario {handle} debe tener la forma @nombre@servidor.social (una cuenta de Mastodon)</translation>
    </message>
    <message>
        <source>handle {handle} must look like @name.bsky.social (a Bluesky handle is a domain name)</source>
        <translation>el usuario {handle} debe tener la forma @nombre.bsky.social (un usuario de Bluesky es un nombre de dominio)</translation>
    </message>
    <message>
        <source>handle {handle} must be @ followed by 1 to 15 letters, digits or underscores</source>
        <translation>el usuario {handle} debe ser @ seguido de 1 a 15 letras, cifras o guiones bajos</translation>
    </message>
    <message>
        <source>the server must be an address such as https://fosstodon.org</source>
        <translation>el servidor debe ser una dirección como https://fosstodon.org</translation>
    </message>
    <message>
        <source>server {server} is not a valid address (such as https://fosstodon.org)</source>
        <translation>el servidor {server} no es una dirección válida (como https://fosstodon.org)</translation>
    </message>
    <message>
        <source>server {server} must start with https:// and name a host, such as https://fosstodon.org</source>
        <translation>el servidor {server} debe empezar por https:// y nombrar un host, como https://fosstodon.org</translation>
    </message>
    <message>
        <source>{account} is an account, not a server: use its server, {server}</source>
        <translation>{account} es una cuenta, no un servidor: usa su servidor, {server}</translation>
    </message>
    <message>
        <source>server {server} must not contain a user name or password</source>
        <translation>el servidor {server} no debe contener un nombre de usuario ni una contraseña</translation>
    </message>
    <message>
        <source>server {server} must be just the address of the server, such as https://fosstodon.org</source>
        <translation>el servidor {server} debe ser solo la dirección del servidor, como https://fosstodon.org</translation>
    </message>
    <message>
        <source>server {server} must be written without spaces or a trailing slash</source>
        <translation>el servidor {server} debe escribirse sin espacios ni barra final</translation>
    </message>
    <message>
        <source>server {server} is not a secure address: personamgr sends an account&apos;s token or password only over https (plain http only to this computer). Use {secure}</source>
        <translation>el servidor {server} no es una dirección segura: personamgr envía el token o la contraseña de una cuenta solo por https (http sin cifrar solo a este ordenador). Usa {secure}</translation>
    </message>
    <message>
        <source>two personas are named {name}; names must be unique</source>
        <translation>dos personas se llaman {name}; los nombres deben ser únicos</translation>
    </message>
    <message>
        <source>two personas use the handle {handle}</source>
        <translation>dos personas usan el usuario {handle}</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>This starts with a mention, like a reply. X only lets you reply where the author mentioned or quoted you; this will go out as an ordinary post that mentions them.</source>
        <translation>Empieza con una mención, como una respuesta. X solo deja responder donde el autor te mencionó o citó; saldrá como una publicación normal que lo menciona.</translation>
    </message>
    <message>
        <source>Part {part} has {count} cashtags ({cashtags}); X allows one per post. Keep one and write the others without the $.</source>
        <translation>La parte {part} tiene {count} cashtags ({cashtags}); X permite uno por publicación. Deja uno y escribe los demás sin el $.</translation>
    </message>
    <message>
        <source>The post has {count} cashtags ({cashtags}); X allows one per post. Keep one and write the others without the $.</source>
        <translation>La publicación tiene {count} cashtags ({cashtags}); X permite uno por publicación. Deja uno y escribe los demás sin el $.</translation>
    </message>
    <message>
        <source>{network} allows at most {max} images per post; part {part} of the thread has {count}.</source>
        <translation>{network} permite como mucho {max} imágenes por publicación; la parte {part} del hilo tiene {count}.</translation>
    </message>
    <message>
        <source>{network} allows at most {max} images per post; the post has {count}.</source>
        <translation>{network} permite como mucho {max} imágenes por publicación; esta tiene {count}.</translation>
    </message>
    <message>
        <source>Not sent: {problems}</source>
        <translation>No se envió: {problems}</translation>
    </message>
    <message>
        <source>Waiting to stay within X&apos;s pacing limits (200 posts per 15 minutes, 300 per 3 hours).</source>
        <translation>En espera para respetar los límites de ritmo de X (200 publicaciones cada 15 minutos, 300 cada 3 horas).</translation>
    </message>
</context>
<context>
    <name>PostActionBar</name>
    <message>
        <source>No posts yet: a post&apos;s actions (retry, edit…) show here when you select it.</source>
        <translation>Aún no hay publicaciones: las acciones de una (reintentar, editar…) aparecen aquí al seleccionarla.</translation>
    </message>
    <message>
        <source>No post matches the search.</source>
        <translation>Ninguna publicación coincide con la búsqueda.</translation>
    </message>
    <message>
        <source>Select a post to see what you can do with it.</source>
        <translation>Selecciona una publicación para ver qué puedes hacer con ella.</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Mover a</translation>
    </message>
</context>
<context>
    <name>PostActions</name>
    <message>
        <source>Sent as {name}.</source>
        <translation>Enviada como {name}.</translation>
    </message>
    <message>
        <source>{name}: not sent yet, it will be tried again. {reason}</source>
        <translation>{name}: aún no se ha enviado, se volverá a intentar. {reason}</translation>
    </message>
    <message>
        <source>{name}: already being sent.</source>
        <translation>{name}: ya se está enviando.</translation>
    </message>
    <message>
        <source>{name}: {state}. {reason}</source>
        <translation>{name}: {state}. {reason}</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <source>It went out: mark as sent</source>
        <translation>Salió: marcar como enviada</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>Volver a enviar…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Unschedule</source>
        <translation>Desprogramar</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <source>Post now</source>
        <translation>Publicar ahora</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar el enlace</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar el texto</translation>
    </message>
    <message>
        <source>Show in the sandbox</source>
        <translation>Ver en Pruebas</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Abrir en el navegador</translation>
    </message>
    <message>
        <source>Could not {what}: {error}. Nothing was changed.</source>
        <translation>No se pudo {what}: {error}. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Could not {what}: {error}</source>
        <translation>No se pudo {what}: {error}</translation>
    </message>
    <message>
        <source>&amp;Send as {account}</source>
        <translation>&amp;Enviar como {account}</translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>¿Volver a enviar?</translation>
    </message>
    <message>
        <source>This post may already be on {handle}&apos;s timeline.</source>
        <translation>Puede que esta publicación ya esté en la cronología de {handle}.</translation>
    </message>
    <message>
        <source>Marked as sent on {name}.</source>
        <translation>Marcada como enviada en {name}.</translation>
    </message>
    <message>
        <source>unschedule the post</source>
        <translation>desprogramar la publicación</translation>
    </message>
    <message>
        <source>Taken off the schedule; it is kept as a draft in the history.</source>
        <translation>Quitada de la programación; se conserva como borrador en el historial.</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>Borrar publicación</translation>
    </message>
    <message>
        <source>Delete this post of {name} ({state})?</source>
        <translation>¿Borrar esta publicación de {name} ({state})?</translation>
    </message>
    <message>
        <source>Open part {part} of {count}</source>
        <translation>Abrir la parte {part} de {count}</translation>
    </message>
    <message>
        <source>Retry from part {part}</source>
        <translation>Reintentar desde la parte {part}</translation>
    </message>
    <message>
        <source>Mark what went out…</source>
        <translation>Marcar lo que salió…</translation>
    </message>
    <message>
        <source>Post anyway</source>
        <translation>Publicar de todos modos</translation>
    </message>
    <message>
        <source>Move to {name}</source>
        <translation>Mover a {name}</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reprogramar…</translation>
    </message>
    <message>
        <source>Next free slot</source>
        <translation>Siguiente hueco libre</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Guardar como borrador</translation>
    </message>
    <message>
        <source>Stop here…</source>
        <translation>Terminar aquí…</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Mover a</translation>
    </message>
    <message>
        <source>Could not send the post: {error}.</source>
        <translation>No se pudo enviar la publicación: {error}.</translation>
    </message>
    <message>
        <source>Could not send the post: {error}</source>
        <translation>No se pudo enviar la publicación: {error}</translation>
    </message>
    <message>
        <source>Part 1 of this thread may already be on {handle}&apos;s timeline. Sending again starts there.</source>
        <translation>Puede que la parte 1 de este hilo ya esté en la cronología de {handle}. Volver a enviarlo empieza por ella.</translation>
    </message>
    <message>
        <source>Part 2 of this thread may already be on {handle}&apos;s timeline. Sending again starts there; part 1 is not sent again.</source>
        <translation>Puede que la parte 2 de este hilo ya esté en la cronología de {handle}. Volver a enviarlo empieza por ella; la parte 1 no se envía otra vez.</translation>
    </message>
    <message>
        <source>Part {part} of this thread may already be on {handle}&apos;s timeline. Sending again starts there; parts 1–{out} are not sent again.</source>
        <translation>Puede que la parte {part} de este hilo ya esté en la cronología de {handle}. Volver a enviarlo empieza por ella; las partes 1–{out} no se envían otra vez.</translation>
    </message>
    <message>
        <source>record what went out</source>
        <translation>registrar lo que salió</translation>
    </message>
    <message>
        <source>the other persona</source>
        <translation>la otra persona</translation>
    </message>
    <message>
        <source>Moved to {name}. It goes out on {name}&apos;s schedule; the guard checks it there first.</source>
        <translation>Movida a {name}. Sale según la programación de {name}; antes, el guardián la revisa allí.</translation>
    </message>
    <message>
        <source>Moved to {name}.</source>
        <translation>Movida a {name}.</translation>
    </message>
    <message>
        <source>move the post to {name}</source>
        <translation>mover la publicación a {name}</translation>
    </message>
    <message>
        <source>reschedule the post</source>
        <translation>reprogramar la publicación</translation>
    </message>
    <message>
        <source>Rescheduled to {when}.</source>
        <translation>Reprogramada para {when}.</translation>
    </message>
    <message>
        <source>Edit, move and delete: once it is sent</source>
        <translation>Editar, mover y eliminar: cuando se haya enviado</translation>
    </message>
    <message>
        <source>Edit, move and delete: after {time} UTC</source>
        <translation>Editar, mover y eliminar: después de las {time} UTC</translation>
    </message>
    <message>
        <source>Send again as {account}?</source>
        <translation>¿Volver a enviar como {account}?</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Enviar de nuevo</translation>
    </message>
    <message>
        <source>&amp;Send again anyway</source>
        <translation>&amp;Volver a enviar de todos modos</translation>
    </message>
    <message>
        <source>put the post in the queue</source>
        <translation>poner la publicación en la cola</translation>
    </message>
    <message>
        <source>In the next free slot: {when}.</source>
        <translation>En el siguiente hueco libre: {when}.</translation>
    </message>
    <message>
        <source>End this thread of {name} at part 1?</source>
        <translation>¿Terminar este hilo de {name} en la parte 1?</translation>
    </message>
    <message>
        <source>End this thread of {name} at part {n}?</source>
        <translation>¿Terminar este hilo de {name} en la parte {n}?</translation>
    </message>
    <message>
        <source>Part {m} did not go out; it is kept as a draft in the history.</source>
        <translation>La parte {m} no salió; se guarda como borrador en el historial.</translation>
    </message>
    <message>
        <source>Parts {m}–{last} did not go out; they are kept as a draft in the history.</source>
        <translation>Las partes {m}–{last} no salieron; se guardan como borrador en el historial.</translation>
    </message>
    <message>
        <source>The thread ends at part {n}; the rest is a draft in the history.</source>
        <translation>El hilo termina en la parte {n}; el resto es un borrador en el historial.</translation>
    </message>
    <message>
        <source>Stop the thread here</source>
        <translation>Terminar el hilo aquí</translation>
    </message>
    <message>
        <source>What went out stays on the timeline as it is, and the history records it as sent.</source>
        <translation>Lo que salió sigue en la cronología tal como está, y el historial lo registra como enviado.</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>Terminar aquí</translation>
    </message>
    <message>
        <source>stop the thread</source>
        <translation>terminar el hilo</translation>
    </message>
    <message>
        <source>Delete this post of {name} ({state}) and its %n image(s)?</source>
        <translation>¿Borrar esta publicación de {name} ({state}) y su(s) %n im(agen|ágenes)?</translation>
    </message>
    <message>
        <source>{quote}

Its text is not kept anywhere else.</source>
        <translation>{quote}

Su texto no se guarda en ningún otro sitio.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>delete the post</source>
        <translation>borrar la publicación</translation>
    </message>
    <message>
        <source>Deleted the post of {name} ({state}).</source>
        <translation>Borrada la publicación de {name} ({state}).</translation>
    </message>
    <message>
        <source>Could not edit the post: post {id} does not exist any more.</source>
        <translation>No se pudo editar la publicación: la publicación {id} ya no existe.</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copiado.</translation>
    </message>
    <message>
        <source>The sandbox no longer has post {id}.</source>
        <translation>Pruebas ya no tiene la publicación {id}.</translation>
    </message>
    <message>
        <source>In reply to {id}.</source>
        <translation>En respuesta a {id}.</translation>
    </message>
    <message>
        <source>Sandbox id {id}. The sandbox is the built-in demo network: this post exists only on this computer.</source>
        <translation>Id en Pruebas: {id}. Pruebas es la red de demostración integrada: esta publicación solo existe en este ordenador.</translation>
    </message>
    <message>
        <source>Sandbox post</source>
        <translation>Publicación en Pruebas</translation>
    </message>
    <message>
        <source>Part {part} of {total} may not have gone out</source>
        <translation>Puede que la parte {part} de {total} no haya salido</translation>
    </message>
    <message>
        <source>Is part {part} of this thread on {handle}&apos;s account?</source>
        <translation>¿Está la parte {part} de este hilo en la cuenta de {handle}?</translation>
    </message>
    <message>
        <source>If it is there, the thread is recorded as sent.</source>
        <translation>Si está, el hilo queda registrado como enviado.</translation>
    </message>
    <message>
        <source>If it is there, you give its link next, so that part {next} replies to it. Either way, the parts not out are sent only when you choose Retry.</source>
        <translation>Si está, después das su enlace, para que la parte {next} le responda. En ambos casos, las partes que no salieron solo se envían cuando eliges Reintentar.</translation>
    </message>
    <message>
        <source>Part {part} is there</source>
        <translation>La parte {part} está</translation>
    </message>
    <message>
        <source>Part {part} is not there</source>
        <translation>La parte {part} no está</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Marcar como enviada</translation>
    </message>
    <message>
        <source>Paste the post&apos;s link from the account, so that Open and Copy link find it. Without a link it is marked as sent all the same.</source>
        <translation>Pega el enlace de la publicación desde la cuenta, para que Abrir y Copiar el enlace la encuentren. Sin enlace se marca como enviada igualmente.</translation>
    </message>
    <message>
        <source>Link to part {part}</source>
        <translation>Enlace a la parte {part}</translation>
    </message>
    <message>
        <source>Paste the link of part {part} from the account, so that Open part {part} finds it. Without a link the thread is marked as sent all the same.</source>
        <translation>Pega el enlace de la parte {part} desde la cuenta, para que Abrir la parte {part} la encuentre. Sin enlace el hilo se marca como enviado igualmente.</translation>
    </message>
    <message>
        <source>Copy the link of part {part} from the account and paste it here: part {next} replies to it.</source>
        <translation>Copia de la cuenta el enlace de la parte {part} y pégalo aquí: la parte {next} le responde.</translation>
    </message>
    <message>
        <source>Sending it again can post it twice. Look at the account first; if it is there, choose &quot;{mark}&quot; instead.</source>
        <translation>Volver a enviarla puede publicarla dos veces. Mira antes la cuenta; si ya está allí, elige «{mark}».</translation>
    </message>
</context>
<context>
    <name>PostComposer</name>
    <message>
        <source>Compose</source>
        <translation>Redactar</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Imagen…</translation>
    </message>
    <message>
        <source>Attach images (up to 4 per post): or drop them on the text, or paste one</source>
        <translation>Adjuntar imágenes (hasta 4 por publicación): o suéltalas sobre el texto, o pega una</translation>
    </message>
    <message>
        <source>Split into thread</source>
        <translation>Dividir en hilo</translation>
    </message>
    <message>
        <source>Cut the text into posts that each fit, at sentence boundaries; every part can then be edited, merged, moved or deleted</source>
        <translation>Cortar el texto en publicaciones que quepan, por frases; luego cada parte se puede editar, unir, mover o borrar</translation>
    </message>
    <message>
        <source>+ Thread</source>
        <translation>+ Hilo</translation>
    </message>
    <message>
        <source>Add a second post after this one: a thread, which goes out as one (Ctrl+Shift+N)</source>
        <translation>Añadir una segunda publicación detrás de esta: un hilo, que sale de una vez (Ctrl+Mayús+N)</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Split into {n} posts. Edit, merge, move or delete any of them; the thread goes out as one.</source>
        <translation>Dividido en {n} publicaciones. Edita, une, mueve o borra cualquiera; el hilo sale de una vez.</translation>
    </message>
    <message>
        <source>{over} bytes over the limit</source>
        <translation>{over} bytes por encima del límite</translation>
    </message>
    <message>
        <source>{over} over the limit</source>
        <translation>{over} por encima del límite</translation>
    </message>
    <message>
        <source>{left} left</source>
        <translation>quedan {left}</translation>
    </message>
    <message>
        <source>{n} posts</source>
        <translation>{n} publicaciones</translation>
    </message>
    <message>
        <source>A thread: each part is counted on its own, against {limit}.</source>
        <translation>Un hilo: cada parte se cuenta por separado, frente a {limit}.</translation>
    </message>
    <message>
        <source>Part {parts} is too long for {persona}: shorten it, merge differently, or split again.</source>
        <translation>La parte {parts} es demasiado larga para {persona}: acórtala, únela de otra forma o vuelve a dividir.</translation>
    </message>
    <message>
        <source>Too long for {persona} by {n} bytes: shorten it, or split it into a thread.</source>
        <translation>Demasiado largo para {persona} en {n} bytes: acórtalo o divídelo en un hilo.</translation>
    </message>
    <message>
        <source>Too long for {persona} by {n}: shorten it, or split it into a thread.</source>
        <translation>Demasiado largo para {persona} en {n}: acórtalo o divídelo en un hilo.</translation>
    </message>
    <message>
        <source>Part {parts} is empty: write it or delete it.</source>
        <translation>La parte {parts} está vacía: escríbela o bórrala.</translation>
    </message>
    <message>
        <source>Add a persona first: a post goes out as one.</source>
        <translation>Añade primero una persona: cada publicación sale como una de ellas.</translation>
    </message>
    <message>
        <source>Wait: the post in the box is on its way.</source>
        <translation>Espera: la publicación del cuadro ya está saliendo.</translation>
    </message>
    <message>
        <source>Nothing to send yet: write the post first.</source>
        <translation>Aún no hay nada que enviar: escribe primero la publicación.</translation>
    </message>
    <message>
        <source>Too long for {persona}: shorten it, or split it into a thread.</source>
        <translation>Demasiado largo para {persona}: acórtalo o divídelo en un hilo.</translation>
    </message>
    <message>
        <source>Wait: the images are still being added.</source>
        <translation>Espera: las imágenes aún se están añadiendo.</translation>
    </message>
    <message>
        <source>An image has no alt text: {names}.</source>
        <translation>Una imagen no tiene texto alternativo: {names}.</translation>
    </message>
    <message>
        <source>{n} images have no alt text: {names}.</source>
        <translation>{n} imágenes no tienen texto alternativo: {names}.</translation>
    </message>
    <message>
        <source>Images without alt text</source>
        <translation>Imágenes sin texto alternativo</translation>
    </message>
    <message>
        <source>People who use a screen reader will not know what it shows. A sentence is enough.</source>
        <translation>Quien usa un lector de pantalla no sabrá qué muestra. Basta con una frase.</translation>
    </message>
    <message>
        <source>People who use a screen reader will not know what they show. A sentence is enough.</source>
        <translation>Quien usa un lector de pantalla no sabrá qué muestran. Basta con una frase.</translation>
    </message>
    <message>
        <source>Add alt text</source>
        <translation>Añadir texto alternativo</translation>
    </message>
    <message>
        <source>Continue without</source>
        <translation>Seguir sin él</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Part of this thread already went out on {persona}, so the rest goes out there too.</source>
        <translation>Parte de este hilo ya salió en {persona}, así que el resto sale también allí.</translation>
    </message>
    <message>
        <source>This post may already be on {persona}&apos;s timeline, so it stays with {persona}.</source>
        <translation>Puede que esta publicación ya esté en la cronología de {persona}, así que se queda con {persona}.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Post now</source>
        <translation>Publicar ahora</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Saving moves it to {persona}.</source>
        <translation>Al guardar se mueve a {persona}.</translation>
    </message>
    <message>
        <source>Goes out {when}; saving keeps the time.</source>
        <translation>Sale {when}; al guardar se mantiene la hora.</translation>
    </message>
    <message>
        <source>{status}. Saving puts it back on the schedule, where the guard looks again before it goes out.</source>
        <translation>{status}. Al guardar vuelve a la programación, donde el guardián la revisa de nuevo antes de que salga.</translation>
    </message>
    <message>
        <source>{status}. {known} Check the account for part {part}, then mark what went out or send it again, from the history or the inbox.</source>
        <translation>{status}. {known} Busca la parte {part} en la cuenta y luego marca lo que salió o vuelve a enviarlo, desde el historial o la bandeja de entrada.</translation>
    </message>
    <message>
        <source>{status}: it may already have gone out. Check the account, then mark it sent or send it again, from the history or the inbox.</source>
        <translation>{status}: puede que ya haya salido. Revisa la cuenta y luego márcala como enviada o envíala de nuevo, desde el historial o la bandeja de entrada.</translation>
    </message>
    <message>
        <source>Part 1 went out and cannot change; part 2 on can.</source>
        <translation>La parte 1 ya salió y no puede cambiar; desde la parte 2, sí.</translation>
    </message>
    <message>
        <source>Parts 1–{n} went out and cannot change; part {m} on can.</source>
        <translation>Las partes 1–{n} ya salieron y no pueden cambiar; desde la parte {m}, sí.</translation>
    </message>
    <message>
        <source>Saved, not sent: {headline} {reasons}</source>
        <translation>Guardada, no enviada: {headline} {reasons}</translation>
    </message>
    <message>
        <source>Could not save it: {error}. Nothing was changed.</source>
        <translation>No se pudo guardar: {error}. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Could not save it: {error}</source>
        <translation>No se pudo guardar: {error}</translation>
    </message>
    <message>
        <source>Edit {persona}&apos;s {state} post</source>
        <translation>Editar la publicación de {persona} ({state})</translation>
    </message>
    <message>
        <source>Saved. It is back on the schedule; the guard checks it again first.</source>
        <translation>Guardada. Vuelve a estar programada; antes, el guardián la revisa de nuevo.</translation>
    </message>
    <message>
        <source>Saved. It goes out at the same time.</source>
        <translation>Guardada. Sale a la misma hora.</translation>
    </message>
    <message>
        <source>Saved. It is {status}.</source>
        <translation>Guardada. Su estado: {status}.</translation>
    </message>
</context>
<context>
    <name>PostOptions</name>
    <message>
        <source>Public</source>
        <translation>Pública</translation>
    </message>
    <message>
        <source>Quiet public</source>
        <translation>Pública discreta</translation>
    </message>
    <message>
        <source>Followers only</source>
        <translation>Solo seguidores</translation>
    </message>
    <message>
        <source>Mentioned only</source>
        <translation>Solo mencionados</translation>
    </message>
    <message>
        <source>Content warning (none)</source>
        <translation>Aviso de contenido (ninguno)</translation>
    </message>
    <message>
        <source>Content warning</source>
        <translation>Aviso de contenido</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibilidad</translation>
    </message>
    <message>
        <source>C&amp;W</source>
        <translation>&amp;AC</translation>
    </message>
    <message>
        <source>&amp;Visibility:</source>
        <translation>&amp;Visibilidad:</translation>
    </message>
</context>
<context>
    <name>PostState</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviándose…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenida</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Held: {reason}</source>
        <translation>Retenida: {reason}</translation>
    </message>
</context>
<context>
    <name>PostWorkflows</name>
    <message>
        <source>post {id} is {state} now, so nothing was sent</source>
        <translation>la publicación {id} ahora está en estado {state}, así que no se envió nada</translation>
    </message>
    <message>
        <source>post {id} cannot be marked as sent: it is recorded as sent already</source>
        <translation>la publicación {id} no se puede marcar como enviada: ya consta como enviada</translation>
    </message>
    <message>
        <source>post {id} cannot be marked as sent: it is being sent now, and what goes out is recorded as it goes</source>
        <translation>la publicación {id} no se puede marcar como enviada: se está enviando ahora, y lo que sale se registra a medida que sale</translation>
    </message>
    <message>
        <source>it</source>
        <translation>la publicación</translation>
    </message>
    <message>
        <source>part {part} of {total}</source>
        <translation>la parte {part} de {total}</translation>
    </message>
    <message>
        <source>post {id} cannot be marked as sent while it is {state}: its last send was cut short, so {what} may already be out, but it was not put up for review</source>
        <translation>la publicación {id} no se puede marcar como enviada mientras su estado sea «{state}»: su último envío se interrumpió, así que puede que {what} ya haya salido, pero no se puso en revisión</translation>
    </message>
    <message>
        <source>post {id} cannot be marked as sent: it never went out (it was held before sending)</source>
        <translation>la publicación {id} no se puede marcar como enviada: nunca salió (se retuvo antes de enviarla)</translation>
    </message>
    <message>
        <source>post {id} cannot be marked as sent: its send failed, so it did not go out</source>
        <translation>la publicación {id} no se puede marcar como enviada: su envío falló, así que no salió</translation>
    </message>
    <message>
        <source>post {id} cannot be marked as sent: it has not been sent yet (it is {state})</source>
        <translation>la publicación {id} no se puede marcar como enviada: todavía no se ha enviado (su estado: {state})</translation>
    </message>
    <message>
        <source>only part 1 of {total} went out, and it is recorded as out</source>
        <translation>solo salió la parte 1 de {total}, y consta como salida</translation>
    </message>
    <message>
        <source>only parts 1–{out} of {total} went out, and they are recorded as out</source>
        <translation>solo salieron las partes 1–{out} de {total}, y constan como salidas</translation>
    </message>
    <message>
        <source>post {id} cannot be marked as sent: {went}; the rest was held before it was sent, so it never went out</source>
        <translation>la publicación {id} no se puede marcar como enviada: {went}; el resto se retuvo antes de enviarlo, así que nunca salió</translation>
    </message>
    <message>
        <source>post {id} cannot be marked as sent: {went}; the rest did not go out (its send failed)</source>
        <translation>la publicación {id} no se puede marcar como enviada: {went}; el resto no salió (su envío falló)</translation>
    </message>
    <message>
        <source>post {id} cannot be marked as sent: {went}; the rest has not been sent yet (the post is {state})</source>
        <translation>la publicación {id} no se puede marcar como enviada: {went}; el resto todavía no se ha enviado (estado de la publicación: {state})</translation>
    </message>
    <message>
        <source>part {part} of {total} of post {id} may or may not have gone out: say whether it is on the account</source>
        <translation>puede que la parte {part} de {total} de la publicación {id} haya salido o no: di si está en la cuenta</translation>
    </message>
    <message>
        <source>It did not go out, as you checked. Retry sends it.</source>
        <translation>No salió, según comprobaste. Reintentar la envía.</translation>
    </message>
    <message>
        <source>part {next} replies to part {part}, so the link of part {part} is needed: copy it from the account</source>
        <translation>la parte {next} responde a la parte {part}, así que hace falta el enlace de la parte {part}: cópialo de la cuenta</translation>
    </message>
    <message>
        <source>post {id} changed meanwhile; look at it again</source>
        <translation>la publicación {id} cambió mientras tanto; vuelve a mirarla</translation>
    </message>
    <message>
        <source>no part of post {id} went out; edit, move or delete it instead</source>
        <translation>ninguna parte de la publicación {id} salió; edítala, muévela o bórrala</translation>
    </message>
    <message>
        <source>post {id} is {state} now, so it was not stopped</source>
        <translation>la publicación {id} ahora está en estado {state}, así que no se terminó</translation>
    </message>
    <message>
        <source>post {id} changed meanwhile, so it was not stopped; look at it again</source>
        <translation>la publicación {id} cambió mientras tanto, así que no se terminó; vuelve a mirarla</translation>
    </message>
    <message>
        <source>No part of the thread went out, as you checked. Retry sends it.</source>
        <translation>Ninguna parte del hilo salió, según comprobaste. Reintentar lo envía.</translation>
    </message>
    <message>
        <source>Part 1 of {total} went out and part {first} did not, as you checked. Retry sends it, continuing the thread from part 1.</source>
        <translation>La parte 1 de {total} salió y la parte {first} no, según comprobaste. Reintentar la envía y continúa el hilo desde la parte 1.</translation>
    </message>
    <message>
        <source>Part 1 of {total} went out and parts {first}–{total} did not, as you checked. Retry sends them, continuing the thread from part 1.</source>
        <translation>La parte 1 de {total} salió y las partes {first}–{total} no, según comprobaste. Reintentar las envía y continúa el hilo desde la parte 1.</translation>
    </message>
    <message>
        <source>Parts 1–{out} of {total} went out and part {first} did not, as you checked. Retry sends it, continuing the thread from part {out}.</source>
        <translation>Las partes 1–{out} de {total} salieron y la parte {first} no, según comprobaste. Reintentar la envía y continúa el hilo desde la parte {out}.</translation>
    </message>
    <message>
        <source>Parts 1–{out} of {total} went out and parts {first}–{total} did not, as you checked. Retry sends them, continuing the thread from part {out}.</source>
        <translation>Las partes 1–{out} de {total} salieron y las partes {first}–{total} no, según comprobaste. Reintentar las envía y continúa el hilo desde la parte {out}.</translation>
    </message>
    <message>
        <source>{why}: copy the link of the post from {account} (it looks like {example})</source>
        <translation>{why}: copia el enlace de la publicación desde {account} (se parece a {example})</translation>
    </message>
    <message>
        <source>{why}: copy the link of part {part} from the post of {account} (it looks like {example})</source>
        <translation>{why}: copia el enlace de la parte {part} desde la publicación de {account} (se parece a {example})</translation>
    </message>
    <message>
        <source>that link is not to a post on {network}</source>
        <translation>ese enlace no es de una publicación en {network}</translation>
    </message>
    <message>
        <source>that link is to a post on {other}, not on {network}</source>
        <translation>ese enlace es de una publicación en {other}, no en {network}</translation>
    </message>
    <message>
        <source>that link is to a post on {server}, not on {own} (each server numbers the posts it shows its own way)</source>
        <translation>ese enlace es de una publicación en {server}, no en {own} (cada servidor numera a su manera las publicaciones que muestra)</translation>
    </message>
    <message>
        <source>that link is to a post of {author}, not of {handle}</source>
        <translation>ese enlace es de una publicación de {author}, no de {handle}</translation>
    </message>
</context>
<context>
    <name>Posting</name>
    <message>
        <source>Sent again, it goes out as {now}, the account {persona} posts as now, not as {was}; nothing can tell it is the same post, so if it is on {was}, it will then be on both accounts. Look at {was} first; if it is there, choose &quot;{mark}&quot; instead.</source>
        <translation>Si se vuelve a enviar, sale como {now}, la cuenta con la que {persona} publica ahora, no como {was}; nada puede saber que es la misma publicación, así que si está en {was}, estará entonces en las dos cuentas. Mira primero {was}; si está allí, elige &quot;{mark}&quot; en su lugar.</translation>
    </message>
    <message>
        <source>Bluesky is asked first whether each part already arrived; a part that did is counted as sent, not posted again.</source>
        <translation>Primero se pregunta a Bluesky si cada parte ya llegó; la que llegó se cuenta como enviada y no se publica otra vez.</translation>
    </message>
    <message>
        <source>Something unexpected happened while sending ({error}). {network} is asked first whether it arrived, so it will be tried again and cannot go out twice.</source>
        <translation>Ocurrió algo inesperado durante el envío ({error}). Primero se pregunta a {network} si llegó, así que se volverá a intentar y no puede salir dos veces.</translation>
    </message>
    <message>
        <source>The keyring is locked, so personamgr could not read {persona}&apos;s credentials. Unlock it: the post waits until then.</source>
        <translation>El llavero está bloqueado, así que personamgr no pudo leer las credenciales de {persona}. Desbloquéalo: la publicación espera hasta entonces.</translation>
    </message>
    <message>
        <source>The keyring did not answer while personamgr read {persona}&apos;s credentials; it may be locked. Unlock it: the post waits until then.</source>
        <translation>El llavero no respondió mientras personamgr leía las credenciales de {persona}; puede que esté bloqueado. Desbloquéalo: la publicación espera hasta entonces.</translation>
    </message>
    <message>
        <source>No secure keyring answered while personamgr read {persona}&apos;s credentials: the keyring that keeps them (GNOME Keyring or KWallet) is not running now. Start it again (logging out and back in does): the post waits until then.</source>
        <translation>Ningún llavero seguro respondió mientras personamgr leía las credenciales de {persona}: el llavero que las guarda (GNOME Keyring o KWallet) no está en marcha ahora. Vuelve a iniciarlo (cerrar sesión y volver a entrar lo hace): la publicación espera hasta entonces.</translation>
    </message>
    <message>
        <source>{error} An earlier attempt may have gone out.</source>
        <translation>{error} Puede que un intento anterior saliera.</translation>
    </message>
    <message>
        <source>{network} did not answer after the post was sent, and it was tried {n} times: whether it went out is not known, and it is not sent again by itself.</source>
        <translation>{network} no respondió después de enviar la publicación, y se intentó {n} veces: no se sabe si salió, y no se vuelve a enviar sola.</translation>
    </message>
    <message>
        <source>{network} answered with a server error each time the post was sent, and it was tried {n} times: it may have gone out all the same, and it is not sent again by itself.</source>
        <translation>{network} respondió con un error del servidor cada vez que se envió la publicación, y se intentó {n} veces: puede que haya salido igualmente, y no se vuelve a enviar sola.</translation>
    </message>
    <message>
        <source>This post was being sent as {was} when {persona} was connected to {now} instead, so it may be on {was} and not on {now}; it is not sent again by itself.</source>
        <translation>Esta publicación se estaba enviando como {was} cuando {persona} se conectó a {now} en su lugar, así que puede que esté en {was} y no en {now}; no se vuelve a enviar sola.</translation>
    </message>
    <message>
        <source>{network} did not answer when this post was sent, and it recognises a repeat of it only for an hour. That hour has passed, so sending it again could post it twice.</source>
        <translation>{network} no respondió cuando se envió esta publicación, y reconoce una repetición solo durante una hora. Esa hora ya pasó, así que enviarla de nuevo podría publicarla dos veces.</translation>
    </message>
    <message>
        <source>Check the account, then mark it sent or edit it.</source>
        <translation>Revisa la cuenta y luego márcala como enviada o edítala.</translation>
    </message>
    <message>
        <source>Check the account for part {part}, then mark what went out or edit it.</source>
        <translation>Busca la parte {part} en la cuenta y luego marca lo que salió o edítala.</translation>
    </message>
    <message>
        <source>Part 1 of the thread went out on {went}, but {persona} now posts to {network}, so the rest cannot continue it. Stop the thread here; the rest is kept as a draft.</source>
        <translation>La parte 1 del hilo salió en {went}, pero {persona} ahora publica en {network}, así que el resto no puede continuarlo. Termina el hilo aquí; el resto se guarda como borrador.</translation>
    </message>
    <message>
        <source>Parts 1–{n} of the thread went out on {went}, but {persona} now posts to {network}, so the rest cannot continue it. Stop the thread here; the rest is kept as a draft.</source>
        <translation>Las partes 1–{n} del hilo salieron en {went}, pero {persona} ahora publica en {network}, así que el resto no puede continuarlo. Termina el hilo aquí; el resto se guarda como borrador.</translation>
    </message>
    <message>
        <source>Part 1 of {total} went out as {was}, but {persona} now posts as {now}, so the rest cannot continue that thread. Stop the thread here; the rest is kept as a draft, to send as {now} if you choose.</source>
        <translation>La parte 1 de {total} salió como {was}, pero {persona} ahora publica como {now}, así que el resto no puede continuar ese hilo. Termina el hilo aquí; el resto se guarda como borrador, para enviarlo como {now} si así lo decides.</translation>
    </message>
    <message>
        <source>Parts 1–{n} of {total} went out as {was}, but {persona} now posts as {now}, so the rest cannot continue that thread. Stop the thread here; the rest is kept as a draft, to send as {now} if you choose.</source>
        <translation>Las partes 1–{n} de {total} salieron como {was}, pero {persona} ahora publica como {now}, así que el resto no puede continuar ese hilo. Termina el hilo aquí; el resto se guarda como borrador, para enviarlo como {now} si así lo decides.</translation>
    </message>
    <message>
        <source>Part 1 of {total} went out as {now}, which {persona} posts as again: Retry continues the thread.</source>
        <translation>La parte 1 de {total} salió como {now}, y {persona} vuelve a publicar como esa cuenta: reintentarlo continúa el hilo.</translation>
    </message>
    <message>
        <source>Parts 1–{n} of {total} went out as {now}, which {persona} posts as again: Retry continues the thread.</source>
        <translation>Las partes 1–{n} de {total} salieron como {now}, y {persona} vuelve a publicar como esa cuenta: reintentarlo continúa el hilo.</translation>
    </message>
    <message>
        <source>{persona} posts on {network}, which the demo does not offer: the demo posts only on its built-in sandbox. Edit {persona} and choose the sandbox, or post on {network} from your own profile.</source>
        <translation>{persona} publica en {network}, que la demo no ofrece: la demo publica solo en Pruebas, su red de demostración integrada. Edita {persona} y elige Pruebas, o publica en {network} desde tu propio perfil.</translation>
    </message>
    <message>
        <source>{persona} posts to &apos;{network}&apos;, which this version does not know.</source>
        <translation>{persona} publica en &apos;{network}&apos;, que esta versión no conoce.</translation>
    </message>
    <message>
        <source>Something unexpected happened while sending ({error}). Check the account before sending again.</source>
        <translation>Ocurrió algo inesperado durante el envío ({error}). Revisa la cuenta antes de volver a enviarla.</translation>
    </message>
    <message>
        <source>{persona} was not connected to an account, so the post did not go out. Connect it (Persona ▸ Connect account… in the window, or personamgr connect --persona {persona}), then retry it.</source>
        <translation>{persona} no estaba conectada a una cuenta, así que la publicación no salió. Conéctala (Persona ▸ Conectar cuenta… en la ventana, o personamgr connect --persona {persona}) y luego reinténtala.</translation>
    </message>
    <message>
        <source>another sender took the post meanwhile</source>
        <translation>otro proceso de envío tomó la publicación mientras tanto</translation>
    </message>
    <message>
        <source>Part {n} went out, but it could not be recorded, so the rest of the thread waits: {error}.</source>
        <translation>La parte {n} salió, pero no se pudo registrar, así que el resto del hilo espera: {error}.</translation>
    </message>
    <message>
        <source>Held before sending: {headline} Edit it, or delete it.</source>
        <translation>Retenida antes de enviarla: {headline} Edítala o bórrala.</translation>
    </message>
    <message>
        <source>Held before sending: {headline} Edit it, move it to another persona, or choose &quot;post anyway&quot;.</source>
        <translation>Retenida antes de enviarla: {headline} Edítala, muévela a otra persona o elige &quot;publicar de todos modos&quot;.</translation>
    </message>
    <message>
        <source>Held before sending: {headline} Edit it or choose &quot;post anyway&quot;.</source>
        <translation>Retenida antes de enviarla: {headline} Edítala o elige &quot;publicar de todos modos&quot;.</translation>
    </message>
    <message>
        <source>Held before sending: the persona guard could not check it. Review it, then send it.</source>
        <translation>Retenida antes de enviarla: el guardián de personas no pudo revisarla. Revísala y luego envíala.</translation>
    </message>
    <message>
        <source>Sending it again can post it twice, unless the first attempt was less than an hour ago: Mastodon recognises a repeat for an hour. Look at the account first; if it is there, choose &quot;{mark}&quot; instead.</source>
        <translation>Enviarla de nuevo puede publicarla dos veces, salvo que el primer intento fuera hace menos de una hora: Mastodon reconoce una repetición durante una hora. Mira antes la cuenta; si está ahí, elige «{mark}».</translation>
    </message>
    <message>
        <source>{error} Reconnect the account; the post is kept.</source>
        <translation>{error} Vuelve a conectar la cuenta; la publicación se conserva.</translation>
    </message>
    <message>
        <source>The persona guard could not check this post ({error}).</source>
        <translation>El guardián de personas no pudo revisar esta publicación ({error}).</translation>
    </message>
    <message>
        <source>{persona}&apos;s post went out as {account} ({link}), but personamgr could not record that it did: {why}. Do not send it again; if it is later listed as needing review, mark it as sent.</source>
        <translation>La publicación de {persona} salió como {account} ({link}), pero personamgr no pudo registrar que salió: {why}. No la vuelvas a enviar; si más adelante aparece pendiente de revisión, márcala como enviada.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Not for the demo: open personamgr on your own profile to start it at login.</source>
        <translation>No en la demo: abre personamgr con tu propio perfil para iniciarlo al entrar.</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons, so closing the window quits.</source>
        <translation>Este escritorio no muestra iconos en la bandeja, así que cerrar la ventana cierra la app.</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>El nuevo idioma se usará a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Iniciar al entrar</translation>
    </message>
    <message>
        <source>Could not change the login items: {error}</source>
        <translation>No se pudieron cambiar los elementos de inicio: {error}</translation>
    </message>
    <message>
        <source>personamgr starts in the tray when you log in ({where}).</source>
        <translation>personamgr se iniciará en la bandeja al entrar en la sesión ({where}).</translation>
    </message>
    <message>
        <source>personamgr no longer starts at login.</source>
        <translation>personamgr ya no se inicia al entrar.</translation>
    </message>
    <message>
        <source>Could not turn on start at login: {why}. {advice}</source>
        <translation>No se pudo activar el inicio al entrar: {why}. {advice}</translation>
    </message>
    <message>
        <source>Could not turn off start at login: {why}. {advice}</source>
        <translation>No se pudo desactivar el inicio al entrar: {why}. {advice}</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>Exportarlo todo</translation>
    </message>
    <message>
        <source>personamgr archive (*.toml)</source>
        <translation>Archivo de personamgr (*.toml)</translation>
    </message>
    <message>
        <source>Import everything</source>
        <translation>Importarlo todo</translation>
    </message>
    <message>
        <source>personamgr archive (*.toml);;All files (*)</source>
        <translation>Archivo de personamgr (*.toml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Exported {what} to {path}. Credentials are never exported.</source>
        <translation>Exportado a {path}: {what}. Las credenciales nunca se exportan.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se ha importado nada.</translation>
    </message>
    <message>
        <source>Imported {what} from {name}. Connect X accounts again: credentials are not in the file.</source>
        <translation>Importado de {name}: {what}. Vuelve a conectar las cuentas de X: las credenciales no están en el archivo.</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Show the queue of</source>
        <translation>Mostrar la cola de</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Pause this persona</source>
        <translation>Pausar esta persona</translation>
    </message>
    <message>
        <source>Pause all posting</source>
        <translation>Pausar todas las publicaciones</translation>
    </message>
    <message>
        <source>Scheduled posts</source>
        <translation>Publicaciones programadas</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reprogramar…</translation>
    </message>
    <message>
        <source>Unschedule</source>
        <translation>Desprogramar</translation>
    </message>
    <message>
        <source>Take it off the schedule; it is kept as a draft</source>
        <translation>Quitarla de la programación; se conserva como borrador</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Calendario…</translation>
    </message>
    <message>
        <source>The week or month at a glance, with the free queue slots (Ctrl+Shift+K)</source>
        <translation>La semana o el mes de un vistazo, con los huecos libres de la cola (Ctrl+Mayús+K)</translation>
    </message>
    <message>
        <source>All personas</source>
        <translation>Todas las personas</translation>
    </message>
    <message>
        <source>next try</source>
        <translation>próximo intento</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>thread of %n posts</source>
        <translation>hilo de %n publicaciones</translation>
    </message>
    <message>
        <source>Pause {name}</source>
        <translation>Pausar {name}</translation>
    </message>
    <message>
        <source>Nothing is scheduled. Create a persona first; then write a post and choose Schedule… or Add to queue.</source>
        <translation>No hay nada programado. Crea primero una persona; luego escribe una publicación y elige Programar… o Añadir a la cola.</translation>
    </message>
    <message>
        <source>Nothing is scheduled. Write a post, then choose Schedule… or Add to queue.</source>
        <translation>No hay nada programado. Escribe una publicación y elige Programar… o Añadir a la cola.</translation>
    </message>
    <message>
        <source>Showing the next {shown} of {total} scheduled posts. Choose a persona above, or open the calendar, to see the others.</source>
        <translation>Se muestran las próximas {shown} de {total} publicaciones programadas. Elige una persona arriba, o abre el calendario, para ver las demás.</translation>
    </message>
    <message>
        <source>Rescheduled to {when}.</source>
        <translation>Reprogramada para {when}.</translation>
    </message>
    <message>
        <source>Taken off the schedule; it is kept as a draft.</source>
        <translation>Quitada de la programación; se conserva como borrador.</translation>
    </message>
</context>
<context>
    <name>QuitFlow</name>
    <message>
        <source>Quit personamgr?</source>
        <translation>¿Salir de personamgr?</translation>
    </message>
    <message>
        <source>Your post as {name} has not gone out yet.</source>
        <translation>Tu publicación como {name} aún no ha salido.</translation>
    </message>
    <message>
        <source>It was waiting out its few seconds in which it can be undone. Send it now, or keep it as a draft: it is not sent while personamgr is closed.</source>
        <translation>Estaba esperando los segundos en los que se puede deshacer. Envíala ahora o guárdala como borrador: no se envía mientras personamgr está cerrado.</translation>
    </message>
    <message>
        <source>Send now and quit</source>
        <translation>Enviar ahora y salir</translation>
    </message>
    <message>
        <source>Keep as draft and quit</source>
        <translation>Guardar como borrador y salir</translation>
    </message>
    <message>
        <source>Not sent: kept as a draft.</source>
        <translation>No enviada: se guarda como borrador.</translation>
    </message>
    <message>
        <source>Not quitting: the post did not go out. See the history.</source>
        <translation>No se sale: la publicación no salió. Mira el historial.</translation>
    </message>
    <message>
        <source>%n scheduled post(s) will not go out while personamgr is closed.</source>
        <translation>%n publicaci(ón programada no saldrá|ones programadas no saldrán) mientras personamgr esté cerrado.</translation>
    </message>
    <message>
        <source>(It goes|They go) out when personamgr runs again; (if its time passes meanwhile, it follows its persona&apos;s|posts whose time passed meanwhile follow each persona&apos;s) missed-post policy.</source>
        <translation>(Saldrá|Saldrán) cuando personamgr vuelva a funcionar; (si su hora pasa mientras tanto, seguirá la política de su persona|las que hayan pasado su hora seguirán la política de cada persona) para publicaciones no enviadas.</translation>
    </message>
    <message>
        <source>The background sender sends (it|them) without a window, and steps aside when you open personamgr again.</source>
        <translation>El envío en segundo plano (la|las) manda sin ventana y se aparta cuando vuelves a abrir personamgr.</translation>
    </message>
    <message>
        <source>Start the background sender</source>
        <translation>Iniciar el envío en segundo plano</translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation>Seguir en la bandeja</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Salir de todos modos</translation>
    </message>
    <message>
        <source>personamgr keeps running</source>
        <translation>personamgr sigue funcionando</translation>
    </message>
    <message>
        <source>It stays in the tray so %n scheduled post(s) go out. Choose Quit in the tray menu to stop it.</source>
        <translation>Se queda en la bandeja para que salg(a|an) %n publicaci(ón programada|ones programadas). Elige Salir en el menú de la bandeja para cerrarlo.</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>post {id} does not exist</source>
        <translation>la publicación {id} no existe</translation>
    </message>
    <message>
        <source> (by {sender})</source>
        <translation> (por {sender})</translation>
    </message>
    <message>
        <source>post {id} is being sent right now{by}, so it cannot be {what}</source>
        <translation>la publicación {id} se está enviando ahora mismo{by}, así que no se puede {what}</translation>
    </message>
    <message>
        <source>post {id} is {state}, so it cannot be {what}</source>
        <translation>la publicación {id} está en estado {state}, así que no se puede {what}</translation>
    </message>
    <message>
        <source>{when} is more than %n years ahead; pick a nearer time</source>
        <translation>{when} está a más de %n años; elige una fecha más cercana</translation>
    </message>
    <message>
        <source>{when} is in the past (it is now {now}); pick a later time, or post it now</source>
        <translation>{when} ya pasó (ahora es {now}); elige una hora posterior o publícala ahora</translation>
    </message>
    <message>
        <source>post {id} changed while you chose: it was {seen} and is now {state}, so it was not rescheduled. Look at it again</source>
        <translation>la publicación {id} cambió mientras elegías: estaba en estado {seen} y ahora está en estado {state}, así que no se reprogramó. Vuelve a mirarla</translation>
    </message>
    <message>
        <source>{error}. The text was kept as draft #{id}.</source>
        <translation>{error}. El texto se guardó como borrador n.º {id}.</translation>
    </message>
    <message>
        <source>the queue changed while you were reordering it; look again and retry</source>
        <translation>la cola cambió mientras la reordenabas; vuelve a mirarla e inténtalo de nuevo</translation>
    </message>
    <message>
        <source>a post in the queue started sending while you reordered; nothing was changed</source>
        <translation>una publicación de la cola empezó a enviarse mientras reordenabas; no se cambió nada</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>programar</translation>
    </message>
    <message>
        <source>unscheduled</source>
        <translation>desprogramar</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editar</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>mover</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Schedule for {name}</source>
        <translation>Programar para {name}</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>In {name}&apos;s time zone, {zone}</source>
        <translation>En la zona horaria de {name}, {zone}</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Pick the day in a calendar</source>
        <translation>Elegir el día en un calendario</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Programar</translation>
    </message>
    <message>
        <source>Time in {name}&apos;s zone, {zone} (now {now})</source>
        <translation>Hora en la zona de {name}, {zone} (ahora {now})</translation>
    </message>
    <message>
        <source>Cannot read that as a date and time. Type it like {example} or pick the day in the calendar.</source>
        <translation>No se entiende como fecha y hora. Escríbela como {example} o elige el día en el calendario.</translation>
    </message>
    <message>
        <source>That time has passed. Pick a later one.</source>
        <translation>Esa hora ya ha pasado. Elige una posterior.</translation>
    </message>
    <message>
        <source>That is too far ahead: posts can be scheduled until {last}.</source>
        <translation>Está demasiado lejos: se puede programar hasta el {last}.</translation>
    </message>
    <message>
        <source>Goes out {when}.</source>
        <translation>Sale: {when}.</translation>
    </message>
</context>
<context>
    <name>Scheduler</name>
    <message>
        <source>%n scheduled post(s) came due meanwhile: (it goes|each goes) out now or follows its persona&apos;s missed-post policy.</source>
        <translation>%n publicaci(ón programada llegó|ones programadas llegaron) a su hora mientras tanto: (sale|cada una sale) ahora o sigue la política de su persona para publicaciones no enviadas.</translation>
    </message>
    <message>
        <source>%n scheduled post(s) that (was|were) due by the old clock now (waits|wait) until (its|their) time comes again.</source>
        <translation>%n publicaci(ón programada que ya tocaba|ones programadas que ya tocaban) con el reloj de antes (espera|esperan) ahora a que vuelva a llegar su hora.</translation>
    </message>
    <message>
        <source>The app stopped while this post was being sent.</source>
        <translation>La aplicación se detuvo mientras se enviaba esta publicación.</translation>
    </message>
    <message>
        <source>The clock moved {gap} ahead (the computer was asleep, or its clock was set forward); the schedule was checked again.</source>
        <translation>El reloj avanzó {gap} (el ordenador estaba en reposo, o se adelantó su reloj); se volvió a revisar la programación.</translation>
    </message>
    <message>
        <source>The clock was set back by {gap}; the schedule was checked again.</source>
        <translation>El reloj se atrasó {gap}; se volvió a revisar la programación.</translation>
    </message>
    <message>
        <source>its persona&apos;s stored settings cannot be read ({error})</source>
        <translation>no se pueden leer los ajustes guardados de su persona ({error})</translation>
    </message>
    <message>
        <source>Not sent: the scheduler could not handle this post ({why}). {persona}&apos;s settings may hold a value this version cannot use: check them in the persona editor (or import the persona again), then retry the post.</source>
        <translation>No se envió: el programador no pudo tratar esta publicación ({why}). Puede que los ajustes de {persona} tengan un valor que esta versión no sabe usar: revísalos en el editor de personas (o vuelve a importar la persona) y luego reintenta la publicación.</translation>
    </message>
    <message>
        <source>Not sent: the scheduler could not handle this post ({why}). The persona&apos;s settings may hold a value this version cannot use: check them in the persona editor (or import the persona again), then retry the post.</source>
        <translation>No se envió: el programador no pudo tratar esta publicación ({why}). Puede que los ajustes de la persona tengan un valor que esta versión no sabe usar: revísalos en el editor de personas (o vuelve a importar la persona) y luego reintenta la publicación.</translation>
    </message>
    <message>
        <source>{missed} But no free slot was found ({error}); it was held.</source>
        <translation>{missed} Pero no se encontró ningún hueco libre ({error}); se retuvo.</translation>
    </message>
    <message>
        <source>{missed} New time: {when}.</source>
        <translation>{missed} Nueva hora: {when}.</translation>
    </message>
    <message>
        <source>Sent as {persona}: {where}</source>
        <translation>Enviada como {persona}: {where}</translation>
    </message>
    <message>
        <source>The post failed.</source>
        <translation>La publicación falló.</translation>
    </message>
    <message>
        <source>The post was held before sending.</source>
        <translation>La publicación se retuvo antes de enviarla.</translation>
    </message>
    <message>
        <source>The post needs review.</source>
        <translation>La publicación necesita revisión.</translation>
    </message>
    <message>
        <source>{error} Retrying at {time}.</source>
        <translation>{error} Se reintentará el {time}.</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>No se envió.</translation>
    </message>
</context>
<context>
    <name>SchedulerEvent</name>
    <message>
        <source>before sending</source>
        <translation>antes de enviarla</translation>
    </message>
    <message>
        <source>{title} ({persona})</source>
        <translation>{title} ({persona})</translation>
    </message>
    <message>
        <source>Post sent</source>
        <translation>Publicación enviada</translation>
    </message>
    <message>
        <source>Post failed</source>
        <translation>Publicación fallida</translation>
    </message>
    <message>
        <source>Post needs review</source>
        <translation>La publicación necesita revisión</translation>
    </message>
    <message>
        <source>Post held: {hold}</source>
        <translation>Publicación retenida: {hold}</translation>
    </message>
    <message>
        <source>Post will be retried</source>
        <translation>Se reintentará la publicación</translation>
    </message>
    <message>
        <source>Missed post held</source>
        <translation>Publicación perdida retenida</translation>
    </message>
    <message>
        <source>Missed post moved</source>
        <translation>Publicación perdida movida</translation>
    </message>
    <message>
        <source>Post may not have gone out</source>
        <translation>Puede que la publicación no haya salido</translation>
    </message>
    <message>
        <source>Schedule checked after sleep or a clock change</source>
        <translation>Programación revisada tras el reposo o un cambio de hora</translation>
    </message>
    <message>
        <source>Schedule checked after the clock was set back</source>
        <translation>Programación revisada tras atrasarse el reloj</translation>
    </message>
    <message>
        <source>Sending stopped: the profile was moved or removed</source>
        <translation>Envío detenido: el perfil se movió o se eliminó</translation>
    </message>
</context>
<context>
    <name>SchedulingUi</name>
    <message>
        <source>Missed posts ({len})…</source>
        <translation>Publicaciones no enviadas ({len})…</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programación</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>Pro&amp;gramación</translation>
    </message>
    <message>
        <source>&amp;Calendar…</source>
        <translation>&amp;Calendario…</translation>
    </message>
</context>
<context>
    <name>ScoreBar</name>
    <message>
        <source>Fit</source>
        <translation>Encaje</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>find the keyring</source>
        <translation>encontrar el llavero</translation>
    </message>
    <message>
        <source>save the credentials</source>
        <translation>guardar las credenciales</translation>
    </message>
    <message>
        <source>read the credentials</source>
        <translation>leer las credenciales</translation>
    </message>
    <message>
        <source>delete the credentials</source>
        <translation>borrar las credenciales</translation>
    </message>
    <message>
        <source>save the app credentials</source>
        <translation>guardar las credenciales de la aplicación</translation>
    </message>
    <message>
        <source>delete the app credentials</source>
        <translation>borrar las credenciales de la aplicación</translation>
    </message>
    <message>
        <source>read the app credentials</source>
        <translation>leer las credenciales de la aplicación</translation>
    </message>
    <message>
        <source>The system keyring did not answer within {seconds} s while trying to {what}. It may be locked: unlock it (for example by logging in to your desktop&apos;s keyring) and try again.</source>
        <translation>El llavero del sistema no respondió en {seconds} s al intentar {what}. Puede que esté bloqueado: desbloquéalo (por ejemplo, entrando en el llavero de tu escritorio) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Credentials are kept in {keyring}.</source>
        <translation>Las credenciales se guardan en {keyring}.</translation>
    </message>
    <message>
        <source>The only keyring available ({name}) stores passwords in a plain file. personamgr will not store account credentials there. Install and unlock a Secret Service (GNOME Keyring or KWallet) to connect X, Mastodon or Bluesky accounts.</source>
        <translation>El único llavero disponible ({name}) guarda las contraseñas en un archivo sin cifrar. personamgr no guardará ahí credenciales de cuentas. Instala y desbloquea un Secret Service (GNOME Keyring o KWallet) para conectar cuentas de X, Mastodon o Bluesky.</translation>
    </message>
    <message>
        <source>No secure credential store was found, so X, Mastodon and Bluesky accounts cannot be connected. Install and unlock a Secret Service (GNOME Keyring or KWallet); personamgr finds it the next time it starts, or the next time you run a personamgr command. The sandbox network still works.</source>
        <translation>No se encontró ningún almacén seguro de credenciales, así que no se pueden conectar cuentas de X, Mastodon ni Bluesky. Instala y desbloquea un Secret Service (GNOME Keyring o KWallet); personamgr lo encontrará la próxima vez que se inicie, o la próxima vez que ejecutes una orden de personamgr. Pruebas sigue funcionando.</translation>
    </message>
    <message>
        <source>the Secret Service keyring (GNOME Keyring / KWallet)</source>
        <translation>el llavero Secret Service (GNOME Keyring / KWallet)</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>el Llavero de macOS</translation>
    </message>
    <message>
        <source>the Windows Credential Locker</source>
        <translation>el Administrador de credenciales de Windows</translation>
    </message>
    <message>
        <source>the {name} keyring</source>
        <translation>el llavero {name}</translation>
    </message>
    <message>
        <source>keyring&apos;s configuration file</source>
        <translation>el archivo de configuración de keyring</translation>
    </message>
    <message>
        <source>The keyring backend chosen by {where} cannot be loaded ({error}). Unset it, or name an installed backend (keyring --list-backends lists them). The sandbox network still works.</source>
        <translation>No se puede cargar el backend de llavero elegido en {where} ({error}). Quítalo o indica un backend instalado (keyring --list-backends los lista). Pruebas sigue funcionando.</translation>
    </message>
    <message>
        <source>Credentials are kept in {keyring}, which is locked now: it asks for its password when personamgr next needs them (to connect an account, or to send a post). Until then, posts to X, Mastodon and Bluesky wait.</source>
        <translation>Las credenciales se guardan en {keyring}, que ahora está bloqueado: pedirá su contraseña la próxima vez que personamgr las necesite (para conectar una cuenta o enviar una publicación). Hasta entonces, las publicaciones en X, Mastodon y Bluesky esperan.</translation>
    </message>
    <message>
        <source>The keyring ({keyring}) is not running now, so credentials can be neither read nor saved: posts to X, Mastodon and Bluesky wait. Start it again (logging out and back in does).</source>
        <translation>El llavero ({keyring}) no está en marcha ahora, así que no se pueden leer ni guardar credenciales: las publicaciones en X, Mastodon y Bluesky esperan. Vuelve a iniciarlo (cerrar sesión y volver a entrar lo hace).</translation>
    </message>
    <message>
        <source>The keyring is locked, so personamgr could not {what}. Unlock it and try again.</source>
        <translation>El llavero está bloqueado, así que personamgr no pudo {what}. Desbloquéalo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The keyring refused to {what}: {error}</source>
        <translation>El llavero se negó a {what}: {error}</translation>
    </message>
    <message>
        <source>The keyring ({keyring}) cannot {what}.</source>
        <translation>El llavero ({keyring}) no puede {what}.</translation>
    </message>
    <message>
        <source>The credentials stored for this persona are damaged; reconnect the account.</source>
        <translation>Las credenciales guardadas de esta persona están dañadas; vuelve a conectar la cuenta.</translation>
    </message>
</context>
<context>
    <name>ServerNotice</name>
    <message>
        <source>&lt;b&gt;{persona} sends nothing: its {network} server {server} is plain http,&lt;/b&gt; which would carry its account&apos;s token readable. Use {secure} and reconnect the account.</source>
        <translation>&lt;b&gt;{persona} no envía nada: su servidor de {network} {server} usa http sin cifrar,&lt;/b&gt; que dejaría legible el token de su cuenta. Usa {secure} y vuelve a conectar la cuenta.</translation>
    </message>
    <message>
        <source>Use https and reconnect {persona}…</source>
        <translation>Usar https y volver a conectar {persona}…</translation>
    </message>
    <message>
        <source>{persona}&apos;s server was not changed: {error}</source>
        <translation>No se cambió el servidor de {persona}: {error}</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>{path} is damaged and cannot be read ({error}). It holds only the posts of the sandbox, the built-in demo network; your personas and posts are in {database}, which is intact. Move {name} away and personamgr starts an empty sandbox. Nothing was changed.</source>
        <translation>{path} está dañado y no se puede leer ({error}). Solo guarda las publicaciones de Pruebas, la red de demostración integrada; tus personas y publicaciones están en {database}, que está intacta. Mueve {name} a otro sitio y personamgr empezará Pruebas sin publicaciones. No se ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>{key} is true or false, not {value}</source>
        <translation>{key} es true o false, no {value}</translation>
    </message>
    <message>
        <source>{key} is a whole number, not {value}</source>
        <translation>{key} es un número entero, no {value}</translation>
    </message>
    <message>
        <source>{key} is between {minimum} and {maximum}, not {value}</source>
        <translation>{key} está entre {minimum} y {maximum}, no es {value}</translation>
    </message>
    <message>
        <source>{key} is text, not {value}</source>
        <translation>{key} es texto, no {value}</translation>
    </message>
    <message>
        <source>{key} is one of {list}, not {value}</source>
        <translation>{key} es uno de estos: {list}; no {value}</translation>
    </message>
    <message>
        <source>there is no setting named {key}</source>
        <translation>no hay ningún ajuste llamado {key}</translation>
    </message>
    <message>
        <source>line {line} is not UTF-8 text</source>
        <translation>la línea {line} no es texto UTF-8</translation>
    </message>
    <message>
        <source>line {line} is not valid TOML ({problem})</source>
        <translation>la línea {line} no es TOML válido ({problem})</translation>
    </message>
    <message>
        <source>{path}: {why}. The defaults are used until you save the settings.</source>
        <translation>{path}: {why}. Se usan los valores predeterminados hasta que guardes los ajustes.</translation>
    </message>
    <message>
        <source>{path}: {error}; the default ({default}) is used</source>
        <translation>{path}: {error}; se usa el valor por omisión ({default})</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de ajustes</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Writing</source>
        <translation>&amp;Escritura</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>A&amp;pariencia</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Datos</translation>
    </message>
    <message>
        <source>Put every setting on this dialog back to its default</source>
        <translation>Devolver cada ajuste de este diálogo a su valor predeterminado</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <source>Personas, posts and drafts live here. Start personamgr with --data-dir to keep them somewhere else.</source>
        <translation>Aquí viven las personas, las publicaciones y los borradores. Inicia personamgr con --data-dir para guardarlos en otro sitio.</translation>
    </message>
    <message>
        <source>Everything in one file</source>
        <translation>Todo en un archivo</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>Exportarlo todo…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Import everything from a file</source>
        <translation>Importarlo todo desde un archivo</translation>
    </message>
    <message>
        <source>Personas, drafts, the queue and these settings. Credentials are never exported: connect the accounts again after an import.</source>
        <translation>Personas, borradores, la cola y estos ajustes. Las credenciales nunca se exportan: vuelve a conectar las cuentas después de importar.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>No se ha guardado: {error}</translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar aviso</translation>
    </message>
    <message>
        <source>&lt;b&gt;Some settings could not be read&lt;/b&gt; from {file}, so they use their defaults. Saving the settings writes a good file.</source>
        <translation>&lt;b&gt;Algunos ajustes no se han podido leer&lt;/b&gt; de {file}, así que usan sus valores predeterminados. Al guardar los ajustes se escribe un archivo correcto.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>personamgr is still running</source>
        <translation>personamgr sigue funcionando</translation>
    </message>
    <message>
        <source>It keeps running in the tray so scheduled posts go out. Choose Quit in the tray menu to stop it.</source>
        <translation>Sigue en la bandeja para que salgan las publicaciones programadas. Elige Salir en el menú de la bandeja para cerrarlo.</translation>
    </message>
    <message>
        <source>personamgr could not save your draft to its database before quitting. Its words are in {file}.</source>
        <translation>personamgr no pudo guardar tu borrador en su base de datos antes de cerrarse. Su texto está en {file}.</translation>
    </message>
    <message>
        <source>personamgr could not save your draft before quitting, nor write it to a file. Copy its words from the details below.</source>
        <translation>personamgr no pudo guardar tu borrador antes de cerrarse, ni escribirlo en un archivo. Copia su texto de los detalles de abajo.</translation>
    </message>
    <message>
        <source>Your draft is kept in a file</source>
        <translation>Tu borrador se guarda en un archivo</translation>
    </message>
    <message>
        <source>Your draft could not be saved</source>
        <translation>No se pudo guardar tu borrador</translation>
    </message>
    <message>
        <source>%n post(s) (was|were) being sent when personamgr stopped. (It|They) may have gone out: see Needs review in the history.</source>
        <translation>%n publicaci(ón se estaba|ones se estaban) enviando cuando personamgr se detuvo. (Puede|Pueden) haber salido: mira «Por revisar» en el historial.</translation>
    </message>
    <message>
        <source>%n post(s) (was|were) being sent when personamgr stopped and (goes|go) out again by (itself|themselves): (its|their) network knows what already arrived, so nothing goes out twice.</source>
        <translation>%n publicaci(ón se estaba|ones se estaban) enviando cuando personamgr se detuvo y (vuelve|vuelven) a salir (sola|solas): su red sabe qué llegó ya, así que nada sale dos veces.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>Slots</name>
    <message>
        <source>{persona} has no queue slots; add some in the persona&apos;s settings, or give a date and time</source>
        <translation>{persona} no tiene huecos en la cola; añade alguno en los ajustes de la persona o indica una fecha y hora</translation>
    </message>
    <message>
        <source>every queue slot of {persona} for the next %n years is taken</source>
        <translation>todos los huecos de la cola de {persona} para los próximos %n años están ocupados</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source> (a profile was created here on {date})</source>
        <translation> (aquí se creó un perfil el {date})</translation>
    </message>
    <message>
        <source>Restore the newest copy, {copy}, </source>
        <translation>Restaura la copia más reciente, {copy}, </translation>
    </message>
    <message>
        <source>Restore a copy of it from your own backups, </source>
        <translation>Restaura una copia desde tus propias copias de seguridad, </translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes), but it held your profile{since}: the file was cut short, by a crash, a full disk or an interrupted copy, and your personas and posts are not in it. {restore}or, to start afresh, delete the empty file. personamgr changed nothing.</source>
        <translation>{path} está vacío (0 bytes), pero contenía tu perfil{since}: el archivo quedó cortado por un fallo, un disco lleno o una copia interrumpida, y tus personas y publicaciones no están en él. {restore}o, para empezar de cero, borra el archivo vacío. personamgr no cambió nada.</translation>
    </message>
    <message>
        <source>{path} is not a personamgr database (it is not an SQLite file). Move it away or choose another data folder; it was not changed.</source>
        <translation>{path} no es una base de datos de personamgr (no es un archivo SQLite). Muévelo a otro sitio o elige otra carpeta de datos; no se ha cambiado.</translation>
    </message>
    <message>
        <source>{path} is damaged ({check}). It was not changed. Restore a copy from the backups folder, or move it away to start afresh.</source>
        <translation>{path} está dañado ({check}). No se ha cambiado. Restaura una copia de la carpeta de copias de seguridad o muévelo a otro sitio para empezar de cero.</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a personamgr one; it was not changed.</source>
        <translation>{path} es una base de datos SQLite, pero no de personamgr; no se ha cambiado.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of personamgr (database schema {found}; this version understands up to {target}). Update personamgr to open it. The file has not been changed.</source>
        <translation>{path} lo escribió una versión más nueva de personamgr (esquema de base de datos {found}; esta versión entiende hasta el {target}). Actualiza personamgr para abrirlo. El archivo no se ha cambiado.</translation>
    </message>
    <message>
        <source>{path}: no migration from schema {schema}; the file has not been changed.</source>
        <translation>{path}: no hay migración desde el esquema {schema}; el archivo no se ha cambiado.</translation>
    </message>
    <message>
        <source>{path}: migrating from schema {found} failed ({error}). The database was left at schema {found}; a copy is at {backup}.</source>
        <translation>{path}: falló la migración desde el esquema {found} ({error}). La base de datos se quedó en el esquema {found}; hay una copia en {backup}.</translation>
    </message>
    <message>
        <source>a persona named {name} already exists</source>
        <translation>ya existe una persona llamada {name}</translation>
    </message>
    <message>
        <source>the personas clash with existing ones ({error})</source>
        <translation>las personas chocan con otras existentes ({error})</translation>
    </message>
</context>
<context>
    <name>ThreadEditor</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Add an image to this part</source>
        <translation>Añadir una imagen a esta parte</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Imagen…</translation>
    </message>
    <message>
        <source>Move this part up</source>
        <translation>Subir esta parte</translation>
    </message>
    <message>
        <source>Move this part down</source>
        <translation>Bajar esta parte</translation>
    </message>
    <message>
        <source>Merge with the next part</source>
        <translation>Unir con la parte siguiente</translation>
    </message>
    <message>
        <source>Merge ↓</source>
        <translation>Unir ↓</translation>
    </message>
    <message>
        <source>Delete this part</source>
        <translation>Borrar esta parte</translation>
    </message>
    <message>
        <source>+ Add a post to the thread</source>
        <translation>+ Añadir una publicación al hilo</translation>
    </message>
    <message>
        <source>A new part after the last one (Ctrl+Shift+N)</source>
        <translation>Una parte nueva tras la última (Ctrl+Mayús+N)</translation>
    </message>
    <message>
        <source>Add a post to the &amp;thread</source>
        <translation>Añadir una publicación al &amp;hilo</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>Añadir imágenes</translation>
    </message>
    <message>
        <source>{network} allows at most {n} images per post.</source>
        <translation>{network} admite como máximo {n} imágenes por publicación.</translation>
    </message>
    <message>
        <source>{network} allows at most {n} images per post; {k} were not added.</source>
        <translation>{network} admite como máximo {n} imágenes por publicación; {k} no se añadieron.</translation>
    </message>
    <message>
        <source>Click an image to give it alt text.</source>
        <translation>Haz clic en una imagen para darle texto alternativo.</translation>
    </message>
    <message>
        <source>{i}/{n}</source>
        <translation>{i}/{n}</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Redactar</translation>
    </message>
    <message>
        <source>Part {i} of {n}</source>
        <translation>Parte {i} de {n}</translation>
    </message>
</context>
<context>
    <name>Times</name>
    <message>
        <source>Today {time}</source>
        <translation>Hoy {time}</translation>
    </message>
    <message>
        <source>Tomorrow {time}</source>
        <translation>Mañana {time}</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>personamgr — posting as {name}</source>
        <translation>personamgr — publicando como {name}</translation>
    </message>
    <message>
        <source>No personas yet</source>
        <translation>Aún no hay personas</translation>
    </message>
    <message>
        <source>All personas ({count})…</source>
        <translation>Todas las personas ({count})…</translation>
    </message>
    <message>
        <source>Compose…</source>
        <translation>Redactar…</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Mostrar la ventana</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>personamgr</source>
        <translation>personamgr</translation>
    </message>
    <message>
        <source>personamgr — posting as {name} {account}</source>
        <translation>personamgr — publicando como {name} {account}</translation>
    </message>
</context>
<context>
    <name>TrayScheduling</name>
    <message>
        <source>Next: nothing scheduled</source>
        <translation>Siguiente: nada programado</translation>
    </message>
    <message>
        <source>Pause all posting</source>
        <translation>Pausar todas las publicaciones</translation>
    </message>
    <message>
        <source>Missed posts…</source>
        <translation>Publicaciones no enviadas…</translation>
    </message>
    <message>
        <source>Inbox…</source>
        <translation>Bandeja de entrada…</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Calendario…</translation>
    </message>
    <message>
        <source>Missed posts ({len})…</source>
        <translation>Publicaciones no enviadas ({len})…</translation>
    </message>
    <message>
        <source>Inbox ({n})…</source>
        <translation>Bandeja de entrada ({n})…</translation>
    </message>
    <message>
        <source>Not changed: {error}.</source>
        <translation>Sin cambios: {error}.</translation>
    </message>
</context>
<context>
    <name>UndoSend</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Undo the post</source>
        <translation>Deshacer la publicación</translation>
    </message>
    <message>
        <source>Keep it as a draft instead (Ctrl+Z)</source>
        <translation>Dejarla como borrador (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>&amp;Undo send</source>
        <translation>&amp;Deshacer el envío</translation>
    </message>
    <message>
        <source>Post now, after a few seconds in which you can undo it</source>
        <translation>Publicar ahora, tras unos segundos en los que puedes deshacerlo</translation>
    </message>
    <message>
        <source>No post is about to go out.</source>
        <translation>No hay ninguna publicación a punto de salir.</translation>
    </message>
    <message>
        <source>Keep the post that is about to go out as a draft instead</source>
        <translation>Dejar como borrador la publicación que está a punto de salir</translation>
    </message>
    <message>
        <source>Sending in %n s</source>
        <translation>Se envía en %n s</translation>
    </message>
    <message>
        <source>Not sent. The text is back in the box.</source>
        <translation>No se ha enviado. El texto ha vuelto al cuadro.</translation>
    </message>
    <message>
        <source>Not sent: you switched persona before it went out. The text is kept as that persona&apos;s draft.</source>
        <translation>No se ha enviado: cambiaste de persona antes de que saliera. El texto se conserva como borrador de esa persona.</translation>
    </message>
</context>
<context>
    <name>Unreadable</name>
    <message>
        <source>your user has no permission to read it; give yourself read permission on it (in the file manager: Properties ▸ Permissions; or chmod u+r)</source>
        <translation>tu usuario no tiene permiso para leerlo; date permiso de lectura (en el gestor de archivos: Propiedades ▸ Permisos; o chmod u+r)</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>it does not exist (it may have been moved or deleted)</source>
        <translation>no existe (puede que se haya movido o borrado)</translation>
    </message>
    <message>
        <source>the disk holding it failed to read it (input/output error); the disk may be failing or unplugged</source>
        <translation>el disco que lo contiene no pudo leerlo (error de entrada/salida); puede que el disco esté fallando o desconectado</translation>
    </message>
    <message>
        <source>the system said: {error}</source>
        <translation>el sistema dijo: {error}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to personamgr</source>
        <translation>Te damos la bienvenida a personamgr</translation>
    </message>
    <message>
        <source>Each persona is one account with its own focus: what it posts about, and what it stays away from. Start with your first one.</source>
        <translation>Cada persona es una cuenta con su propio tema: de qué publica y de qué se mantiene al margen. Empieza por la primera.</translation>
    </message>
    <message>
        <source>New personas post to the sandbox, a practice network that lives on this computer. Connect an X, Mastodon or Bluesky account when you are ready.</source>
        <translation>Las personas nuevas publican en Pruebas, una red de práctica que vive en este ordenador. Conecta una cuenta de X, Mastodon o Bluesky cuando quieras.</translation>
    </message>
    <message>
        <source>The persona guard reads each draft offline and warns when it strays from the persona&apos;s focus, before anything goes out.</source>
        <translation>El guardián de personas lee cada borrador sin conexión y avisa cuando se aparta del tema de la persona, antes de que salga nada.</translation>
    </message>
    <message>
        <source>Not sure yet? The demo shows two sample personas on the sandbox, in a profile of its own: yours stays untouched.</source>
        <translation>¿Aún no lo tienes claro? La demo muestra dos personas de ejemplo en Pruebas, en un perfil aparte: el tuyo no se toca.</translation>
    </message>
    <message>
        <source>Create your first persona…</source>
        <translation>Crear tu primera persona…</translation>
    </message>
    <message>
        <source>Import a personas file…</source>
        <translation>Importar un archivo de personas…</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Abrir la demo</translation>
    </message>
    <message>
        <source>Starts personamgr --demo in its own window</source>
        <translation>Abre personamgr --demo en su propia ventana</translation>
    </message>
    <message>
        <source>Press F1 for the keyboard shortcuts; settings are under File ▸ Settings.</source>
        <translation>Pulsa F1 para ver los atajos de teclado; los ajustes están en Archivo ▸ Ajustes.</translation>
    </message>
</context>
<context>
    <name>X</name>
    <message>
        <source> It will be tried again.</source>
        <translation> Se volverá a intentar.</translation>
    </message>
    <message>
        <source> The post waits and goes out by itself when the network is back.</source>
        <translation> La publicación espera y saldrá sola cuando vuelva la red.</translation>
    </message>
    <message>
        <source>X refused this account&apos;s credentials ({error}): access was revoked or the tokens are no longer valid.</source>
        <translation>X rechazó las credenciales de esta cuenta ({error}): se revocó el acceso o los tokens ya no son válidos.</translation>
    </message>
    <message>
        <source>X says the developer app may only read. In the X developer portal set the app&apos;s permissions to &quot;Read and write&quot;, then connect the account again (tokens made while it was read-only stay read-only).</source>
        <translation>X dice que la aplicación de desarrollador solo puede leer. En el portal de desarrolladores de X pon sus permisos en &quot;Read and write&quot; y vuelve a conectar la cuenta (los tokens creados mientras era de solo lectura siguen siendo de solo lectura).</translation>
    </message>
    <message>
        <source>X refused the post: {error}</source>
        <translation>X rechazó la publicación: {error}</translation>
    </message>
    <message>
        <source>X refused the reply: {error} X only allows replies where the author mentioned or quoted this account.</source>
        <translation>X rechazó la respuesta: {error} X solo permite responder donde el autor mencionó o citó a esta cuenta.</translation>
    </message>
    <message>
        <source>X had a server error ({status}: {error}); the post will be tried again.</source>
        <translation>X tuvo un error de servidor ({status}: {error}); se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>X&apos;s limit on image uploads was reached; the post waits until it resets, then goes out by itself. Posts without images go out meanwhile.</source>
        <translation>Se alcanzó el límite de subida de imágenes de X; la publicación espera a que se renueve y luego sale sola. Las publicaciones sin imágenes salen mientras tanto.</translation>
    </message>
    <message>
        <source>X&apos;s daily limit of posts for this account was reached (X allows {limit} a day); the post waits until it resets, then goes out by itself.</source>
        <translation>Se alcanzó el límite diario de publicaciones de X para esta cuenta (X permite {limit} al día); la publicación espera a que se renueve y luego sale sola.</translation>
    </message>
    <message>
        <source>X&apos;s daily limit of posts for the developer app was reached (X allows {limit} a day, counting every account connected through it); the post waits until it resets, then goes out by itself.</source>
        <translation>Se alcanzó el límite diario de publicaciones de X para la app de desarrollador (X permite {limit} al día, contando todas las cuentas conectadas con ella); la publicación espera a que se renueve y luego sale sola.</translation>
    </message>
    <message>
        <source>X did not answer in time after the post was sent, so it may or may not have gone out.</source>
        <translation>X no respondió a tiempo después de enviar la publicación, así que puede que haya salido o no.</translation>
    </message>
    <message>
        <source>The connection to X broke after the post was sent, so it may or may not have gone out.</source>
        <translation>La conexión con X se cortó después de enviar la publicación, así que puede que haya salido o no.</translation>
    </message>
    <message>
        <source>X had a server error when this post was sent, and refuses a copy of a post only while it is recent. An hour has passed, so sending it again could post it twice.</source>
        <translation>X tuvo un error del servidor cuando se envió esta publicación, y rechaza una copia de una publicación solo mientras es reciente. Ya pasó una hora, así que enviarla de nuevo podría publicarla dos veces.</translation>
    </message>
    <message>
        <source>X refused the request because this computer&apos;s clock is {minutes} minutes ahead of X&apos;s: a signed request must carry the right time. Set the date and time to be set automatically, then try again.</source>
        <translation>X rechazó la petición porque el reloj de este ordenador va {minutes} minutos adelantado respecto al de X: una petición firmada debe llevar la hora correcta. Haz que la fecha y la hora se ajusten automáticamente y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>X refused the request because this computer&apos;s clock is {minutes} minutes behind X&apos;s: a signed request must carry the right time. Set the date and time to be set automatically, then try again.</source>
        <translation>X rechazó la petición porque el reloj de este ordenador va {minutes} minutos atrasado respecto al de X: una petición firmada debe llevar la hora correcta. Haz que la fecha y la hora se ajusten automáticamente y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>X&apos;s rate limit was reached; the post waits until it resets, then goes out by itself.</source>
        <translation>Se alcanzó el límite de peticiones de X; la publicación espera a que se renueve y luego sale sola.</translation>
    </message>
    <message>
        <source>X had a server error ({status}: {error}) after the post was sent: X may have made it all the same. It will be sent again shortly, only as it is: X refuses a copy of a recent post it still has, so it goes out once unless it is deleted there first. Not sent within the hour, it waits for review.</source>
        <translation>X tuvo un error de servidor ({status}: {error}) después de enviar la publicación: puede que X la haya creado igualmente. Se volverá a enviar en breve, solo tal como está: X rechaza una copia de una publicación reciente que aún tiene, así que sale una sola vez, salvo que se elimine allí antes. Si no se envía en una hora, espera revisión.</translation>
    </message>
    <message>
        <source>X&apos;s daily limit of posts for this account was reached; the post waits until it resets, then goes out by itself.</source>
        <translation>Se alcanzó el límite diario de publicaciones de X para esta cuenta; la publicación espera a que se renueve y luego sale sola.</translation>
    </message>
    <message>
        <source>X&apos;s daily limit of posts for the developer app (every account connected through it counts) was reached; the post waits until it resets, then goes out by itself.</source>
        <translation>Se alcanzó el límite diario de publicaciones de X para la app de desarrollador (cuentan todas las cuentas conectadas con ella); la publicación espera a que se renueve y luego sale sola.</translation>
    </message>
    <message>
        <source>X did not accept the connection in time; nothing was sent. It will be tried again.</source>
        <translation>X no aceptó la conexión a tiempo; no se envió nada. Se volverá a intentar.</translation>
    </message>
    <message>
        <source>X did not answer in time; it will be tried again.</source>
        <translation>X no respondió a tiempo; se volverá a intentar.</translation>
    </message>
    <message>
        <source>The secure connection to X failed ({error}); nothing was sent. It will be tried again.</source>
        <translation>Falló la conexión segura con X ({error}); no se envió nada. Se volverá a intentar.</translation>
    </message>
    <message>
        <source>X cannot be reached (no network, or the connection was refused); nothing was sent. The post waits and goes out by itself when the network is back.</source>
        <translation>No se puede contactar con X (no hay red o se rechazó la conexión); no se envió nada. La publicación espera y saldrá sola cuando vuelva la red.</translation>
    </message>
    <message>
        <source>The proxy in front of X cannot be reached; nothing was sent. The post waits and is tried again.</source>
        <translation>No se puede contactar con el proxy que hay delante de X; no se envió nada. La publicación espera y se volverá a intentar.</translation>
    </message>
    <message>
        <source>The connection to X broke ({error}); it will be tried again.</source>
        <translation>La conexión con X se cortó ({error}); se volverá a intentar.</translation>
    </message>
    <message>
        <source>X could not process the GIF {name} ({error}); the post was not sent.</source>
        <translation>X no pudo procesar el GIF {name} ({error}); la publicación no se envió.</translation>
    </message>
    <message>
        <source>X was still processing the GIF {name}; the post will be tried again.</source>
        <translation>X aún estaba procesando el GIF {name}; la publicación se volverá a intentar.</translation>
    </message>
</context>
<context>
    <name>XConnect</name>
    <message>
        <source>Both the API key (consumer key) and the API key secret are needed.</source>
        <translation>Hacen falta tanto la API key (consumer key) como el API key secret.</translation>
    </message>
    <message>
        <source>X refused to {what} ({status}).</source>
        <translation>X se negó a {what} ({status}).</translation>
    </message>
    <message>
        <source>X&apos;s answer did not contain what was expected while trying to {what} ({error}).</source>
        <translation>La respuesta de X no contenía lo esperado al intentar {what} ({error}).</translation>
    </message>
    <message>
        <source>start signing in</source>
        <translation>iniciar la sesión</translation>
    </message>
    <message>
        <source>accept the PIN</source>
        <translation>aceptar el PIN</translation>
    </message>
    <message>
        <source>confirm the account</source>
        <translation>confirmar la cuenta</translation>
    </message>
    <message>
        <source>The secure connection to X failed, so personamgr could not {doing}. Check the computer&apos;s date and any proxy or network login page, then try again.</source>
        <translation>La conexión segura con X falló, así que personamgr no pudo {doing}. Comprueba la fecha del ordenador y cualquier proxy o página de inicio de sesión de la red, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>X did not accept the connection in time, so personamgr could not {doing}. Check your connection (and any proxy), then try again.</source>
        <translation>X no aceptó la conexión a tiempo, así que personamgr no pudo {doing}. Comprueba tu conexión (y cualquier proxy) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>{error} Try again when X can be reached.</source>
        <translation>{error} Vuelve a intentarlo cuando se pueda contactar con X.</translation>
    </message>
    <message>
        <source>start signing in: check the API key and secret of your developer app</source>
        <translation>iniciar la sesión: revisa la API key y el secret de tu aplicación de desarrollador</translation>
    </message>
    <message>
        <source>The PIN is the number X shows after you authorize the app; {pin} is not one.</source>
        <translation>El PIN es el número que muestra X después de autorizar la aplicación; {pin} no lo es.</translation>
    </message>
    <message>
        <source>accept the PIN: it may be mistyped or expired. Start again for a new PIN</source>
        <translation>aceptar el PIN: puede estar mal escrito o caducado. Empieza de nuevo para obtener otro PIN</translation>
    </message>
    <message>
        <source>(They are on your developer app&apos;s &quot;Keys and tokens&quot; page.)</source>
        <translation>(Están en la página &quot;Keys and tokens&quot; de tu aplicación de desarrollador.)</translation>
    </message>
    <message>
        <source>X refused these tokens (401). Check that the access token and secret belong to this API key, and that they were not regenerated or revoked.</source>
        <translation>X rechazó estos tokens (401). Comprueba que el access token y su secret son de esta API key y que no se regeneraron ni revocaron.</translation>
    </message>
    <message>
        <source>X could not confirm the account: {error}</source>
        <translation>X no pudo confirmar la cuenta: {error}</translation>
    </message>
    <message>
        <source>The access token belongs to user {prefix}, but X answered as @{username} ({id}). Copy the token again.</source>
        <translation>El access token es del usuario {prefix}, pero X respondió como @{username} ({id}). Vuelve a copiar el token.</translation>
    </message>
    <message>
        <source>@{username} was connected with read-only access. {guidance} Then connect again.</source>
        <translation>@{username} se conectó con acceso de solo lectura. {guidance} Después vuelve a conectarla.</translation>
    </message>
    <message>
        <source>Otherwise: {guidance}</source>
        <translation>Si no: {guidance}</translation>
    </message>
</context>
<context>
    <name>ZoneChange</name>
    <message>
        <source>%n scheduled post(s) (keeps|keep) the moment (it goes|they go) out, so (its|their) time now reads in {zone}: {old} is now {new}.</source>
        <translation>%n publicaci(ón programada conserva|ones programadas conservan) el momento en que (sale|salen), así que su hora se lee ahora en {zone}: {old} es ahora {new}.</translation>
    </message>
    <message>
        <source>%n scheduled post(s) moved to keep (its|their) clock time in {zone}: {old} is now {new}.</source>
        <translation>%n publicaci(ón programada se movió|ones programadas se movieron) para conservar su hora de reloj en {zone}: {old} es ahora {new}.</translation>
    </message>
    <message>
        <source>Without this, a post at 09:00 in the old zone goes out at the same moment, whatever the new zone&apos;s clock reads then.</source>
        <translation>Sin esto, una publicación a las 09:00 en la zona antigua sale en el mismo momento, marque lo que marque entonces el reloj de la zona nueva.</translation>
    </message>
    <message>
        <source>%n scheduled post(s) kept the moment (it goes|they go) out: (it was|they were) being sent, or (its|their) clock time in {zone} has already passed.</source>
        <translation>%n publicaci(ón programada conservó|ones programadas conservaron) el momento en que (sale|salen): (se estaba|se estaban) enviando, o su hora de reloj en {zone} ya pasó.</translation>
    </message>
    <message>
        <source>no scheduled post kept its moment through a change of time zone, so none was moved.</source>
        <translation>ninguna publicación programada conservó su momento en un cambio de zona horaria, así que no se movió ninguna.</translation>
    </message>
    <message>
        <source>{persona}: {note}</source>
        <translation>{persona}: {note}</translation>
    </message>
</context>
<context>
    <name>ZoneNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar aviso</translation>
    </message>
    <message>
        <source>&lt;b&gt;{persona}&apos;s time zone {zone} is not known on this computer&lt;/b&gt;, so its times are shown in UTC. Choose its zone again in Persona ▸ Edit {persona}…, Schedule tab.</source>
        <translation>&lt;b&gt;Este ordenador no conoce la zona horaria {zone} de {persona}&lt;/b&gt;, así que sus horas se muestran en UTC. Vuelve a elegir su zona en Persona ▸ Editar {persona}…, pestaña Programación.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>personamgr cannot open its data</source>
        <translation>personamgr no puede abrir sus datos</translation>
    </message>
    <message>
        <source>personamgr will now close.</source>
        <translation>personamgr se cerrará ahora.</translation>
    </message>
</context>
<context>
    <name>app_instance</name>
    <message>
        <source>personamgr is already running</source>
        <translation>personamgr ya está abierto</translation>
    </message>
    <message>
        <source>personamgr cannot start</source>
        <translation>personamgr no puede arrancar</translation>
    </message>
</context>
<context>
    <name>buttons</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Restore defaults</source>
        <translation>&amp;Restaurar los valores predeterminados</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>{persona}&apos;s topics fall into two separate fields: {first}, and {second}. Followers come for one focus: consider two personas, one for each.</source>
        <translation>Los temas de {persona} caen en dos campos distintos: {first}, y {second}. Los seguidores vienen por un solo enfoque: plantéate dos personas, una para cada campo.</translation>
    </message>
</context>
<context>
    <name>guard</name>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>griego</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>japonés</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>coreano</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>ruso</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>árabe</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>hebreo</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>hindi</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>tailandés</translation>
    </message>
    <message>
        <source>French</source>
        <translation>francés</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugués</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italiano</translation>
    </message>
    <message>
        <source>German</source>
        <translation>alemán</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>neerlandés</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>catalán</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>indonesio</translation>
    </message>
    <message>
        <source>Tagalog</source>
        <translation>tagalo</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>turco</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>polaco</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>sueco</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>danés</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>noruego</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>finés</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>rumano</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>checo</translation>
    </message>
    <message>
        <source>{languages} and {last}</source>
        <translation>{languages} y {last}</translation>
    </message>
    <message>
        <source>The guard reads {languages}. It cannot read a focus written in {language}, so it will not judge the topic of this persona&apos;s posts (the other checks still run). Write the description or topics in one of those languages to have it judged.</source>
        <translation>El guardián lee {languages}. No puede leer un enfoque escrito en {language}, así que no juzgará el tema de las publicaciones de esta persona (las demás comprobaciones sí se hacen). Escribe la descripción o los temas en uno de esos idiomas para que los juzgue.</translation>
    </message>
    <message>
        <source>Nothing to check yet.</source>
        <translation>Aún no hay nada que revisar.</translation>
    </message>
    <message>
        <source>Too few words to judge the topic yet; the other checks still ran.</source>
        <translation>Aún hay muy pocas palabras para juzgar el tema; las demás comprobaciones sí se hicieron.</translation>
    </message>
    <message>
        <source>Too few words to judge the topic yet</source>
        <translation>Aún hay muy pocas palabras para juzgar el tema</translation>
    </message>
    <message>
        <source>On focus for {persona}: {matched}.</source>
        <translation>En el enfoque de {persona}: {matched}.</translation>
    </message>
    <message>
        <source>The topic check knows too few words of {language}, so it cannot judge this post; the other checks still ran.</source>
        <translation>La comprobación del tema conoce muy pocas palabras en {language}, así que no puede juzgar esta publicación; las demás comprobaciones sí se hicieron.</translation>
    </message>
    <message>
        <source>The topic check knows too few words of this language, so it cannot judge this post; the other checks still ran.</source>
        <translation>La comprobación del tema conoce muy pocas palabras de este idioma, así que no puede juzgar esta publicación; las demás comprobaciones sí se hicieron.</translation>
    </message>
    <message>
        <source>Knows too few words of {language} to judge</source>
        <translation>Conoce muy pocas palabras en {language} para juzgar</translation>
    </message>
    <message>
        <source>Knows too few words of this language to judge</source>
        <translation>Conoce muy pocas palabras de este idioma para juzgar</translation>
    </message>
    <message>
        <source>The topic check reads English only, so it cannot judge a post in {language}; the other checks still ran.</source>
        <translation>La comprobación del tema solo lee inglés, así que no puede juzgar una publicación en {language}; las demás comprobaciones sí se hicieron.</translation>
    </message>
    <message>
        <source>The topic check reads English only, so it cannot judge a post in this language; the other checks still ran.</source>
        <translation>La comprobación del tema solo lee inglés, así que no puede juzgar una publicación en este idioma; las demás comprobaciones sí se hicieron.</translation>
    </message>
    <message>
        <source>The topic check reads {languages}, not {language}, so it cannot judge this post; the other checks still ran.</source>
        <translation>La comprobación del tema lee {languages}, no {language}, así que no puede juzgar esta publicación; las demás comprobaciones sí se hicieron.</translation>
    </message>
    <message>
        <source>The topic check reads {languages}, so it cannot judge a post in this language; the other checks still ran.</source>
        <translation>La comprobación del tema lee {languages}, así que no puede juzgar una publicación en este idioma; las demás comprobaciones sí se hicieron.</translation>
    </message>
    <message>
        <source>Cannot judge the topic of a post in {language}</source>
        <translation>No puede juzgar el tema de una publicación en {language}</translation>
    </message>
    <message>
        <source>Cannot judge the topic in this language</source>
        <translation>No puede juzgar el tema en este idioma</translation>
    </message>
    <message>
        <source>The topic check cannot read {persona}&apos;s focus, written in {language} (it reads {languages}), so it does not judge the topic of posts on {persona}; the other checks still ran. Write the description or topics in one of those languages to have it judged.</source>
        <translation>La comprobación del tema no puede leer el enfoque de {persona}, escrito en {language} (lee {languages}), así que no juzga el tema de las publicaciones en {persona}; las demás comprobaciones sí se hicieron. Escribe la descripción o los temas en uno de esos idiomas para que los juzgue.</translation>
    </message>
    <message>
        <source>Cannot read {persona}&apos;s focus, written in {language}</source>
        <translation>No puede leer el enfoque de {persona}, escrito en {language}</translation>
    </message>
    <message>
        <source>It does not look like {persona}&apos;s focus ({focus}). It fits {other} better.</source>
        <translation>No parece del enfoque de {persona} ({focus}). Encaja mejor en {other}.</translation>
    </message>
    <message>
        <source>It does not look like {persona}&apos;s focus ({focus}).</source>
        <translation>No parece del enfoque de {persona} ({focus}).</translation>
    </message>
    <message>
        <source>It does not look like {persona}&apos;s focus. It fits {other} better.</source>
        <translation>No parece del enfoque de {persona}. Encaja mejor en {other}.</translation>
    </message>
    <message>
        <source>It does not look like {persona}&apos;s focus.</source>
        <translation>No parece del enfoque de {persona}.</translation>
    </message>
    <message>
        <source>topics {list}</source>
        <translation>temas {list}</translation>
    </message>
    <message>
        <source>keywords {list}</source>
        <translation>palabras clave {list}</translation>
    </message>
    <message>
        <source>close to your example “{example}”</source>
        <translation>parecido a tu ejemplo «{example}»</translation>
    </message>
    <message>
        <source>It touches {phrases}, which you marked to avoid on {persona}.</source>
        <translation>Toca {phrases}, que marcaste para evitar en {persona}.</translation>
    </message>
    <message>
        <source>It mentions {handle}, the handle of your {persona} persona, which links the two accounts.</source>
        <translation>Menciona a {handle}, el usuario de tu persona {persona}, lo que vincula las dos cuentas.</translation>
    </message>
    <message>
        <source>It uses {hashtag}, the signature hashtag of your {persona} persona, which links the two accounts.</source>
        <translation>Usa {hashtag}, el hashtag característico de tu persona {persona}, lo que vincula las dos cuentas.</translation>
    </message>
    <message>
        <source>This account already posted almost the same text; X refuses duplicate posts.</source>
        <translation>Esta cuenta ya publicó casi el mismo texto; X rechaza las publicaciones duplicadas.</translation>
    </message>
    <message>
        <source>This account already posted almost the same text.</source>
        <translation>Esta cuenta ya publicó casi el mismo texto.</translation>
    </message>
    <message>
        <source>This account already has almost the same text scheduled; X refuses duplicate posts.</source>
        <translation>Esta cuenta ya tiene casi el mismo texto programado; X rechaza las publicaciones duplicadas.</translation>
    </message>
    <message>
        <source>This account already has almost the same text scheduled.</source>
        <translation>Esta cuenta ya tiene casi el mismo texto programado.</translation>
    </message>
    <message>
        <source>This account already has almost the same text, posted or scheduled; X refuses duplicate posts.</source>
        <translation>Esta cuenta ya tiene casi el mismo texto, publicado o programado; X rechaza las publicaciones duplicadas.</translation>
    </message>
    <message>
        <source>This account already has almost the same text, posted or scheduled.</source>
        <translation>Esta cuenta ya tiene casi el mismo texto, publicado o programado.</translation>
    </message>
    <message>
        <source>It is nearly the same as a recent post on your {persona} persona; X&apos;s automation rules forbid the same post on several accounts.</source>
        <translation>Es casi igual que una publicación reciente de tu persona {persona}; las normas de automatización de X prohíben la misma publicación en varias cuentas.</translation>
    </message>
    <message>
        <source>It is nearly the same as a recent post on your {persona} persona, on the same network, which ties the two accounts together.</source>
        <translation>Es casi igual que una publicación reciente de tu persona {persona}, en la misma red, lo que delata que las dos cuentas van juntas.</translation>
    </message>
    <message>
        <source>It is nearly the same as a scheduled post on your {persona} persona; X&apos;s automation rules forbid the same post on several accounts.</source>
        <translation>Es casi igual que una publicación programada de tu persona {persona}; las normas de automatización de X prohíben la misma publicación en varias cuentas.</translation>
    </message>
    <message>
        <source>It is nearly the same as a scheduled post on your {persona} persona, on the same network, which ties the two accounts together.</source>
        <translation>Es casi igual que una publicación programada de tu persona {persona}, en la misma red, lo que delata que las dos cuentas van juntas.</translation>
    </message>
    <message>
        <source>It is nearly the same as a recent or scheduled post on your {persona} persona; X&apos;s automation rules forbid the same post on several accounts.</source>
        <translation>Es casi igual que una publicación reciente o programada de tu persona {persona}; las normas de automatización de X prohíben la misma publicación en varias cuentas.</translation>
    </message>
    <message>
        <source>It is nearly the same as a recent or scheduled post on your {persona} persona, on the same network, which ties the two accounts together.</source>
        <translation>Es casi igual que una publicación reciente o programada de tu persona {persona}, en la misma red, lo que delata que las dos cuentas van juntas.</translation>
    </message>
    <message>
        <source>{too_long} Or split it into a thread.</source>
        <translation>{too_long} O divídelo en un hilo.</translation>
    </message>
    <message>
        <source>It has {count} cashtags ({cashtags}); X allows at most one per post.</source>
        <translation>Tiene {count} cashtags ({cashtags}); X permite como mucho uno por publicación.</translation>
    </message>
    <message>
        <source>It has {count} cashtags ({cashtags}); the sandbox allows at most one per post, as X does.</source>
        <translation>Tiene {count} cashtags ({cashtags}); Pruebas permite como mucho uno por publicación, como X.</translation>
    </message>
    <message>
        <source>The {count} posts before it on {persona}, sent or queued, are bare links too; add a line of your own so the account does not look automated.</source>
        <translation>Las {count} publicaciones anteriores de {persona}, enviadas o en cola, también son solo enlaces; añade una línea tuya para que la cuenta no parezca automática.</translation>
    </message>
    <message>
        <source>Part {n}: {message}</source>
        <translation>Parte {n}: {message}</translation>
    </message>
</context>
<context>
    <name>holds</name>
    <message>
        <source>near-duplicate</source>
        <translation>casi duplicada</translation>
    </message>
    <message>
        <source>links two personas</source>
        <translation>relaciona dos personas</translation>
    </message>
    <message>
        <source>off-focus</source>
        <translation>fuera de tema</translation>
    </message>
    <message>
        <source>link streak</source>
        <translation>racha de enlaces</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>sin revisar</translation>
    </message>
    <message>
        <source>missed its time</source>
        <translation>no salió a su hora</translation>
    </message>
    <message>
        <source>over the monthly limit</source>
        <translation>por encima del límite mensual</translation>
    </message>
    <message>
        <source>against the network&apos;s rules</source>
        <translation>contra las normas de la red</translation>
    </message>
    <message>
        <source>{network} will refuse this post as it is on {persona}.</source>
        <translation>{network} rechazará esta publicación tal como está en {persona}.</translation>
    </message>
    <message>
        <source>This is nearly the same as a post that went out or is scheduled.</source>
        <translation>Es casi igual que una publicación que ya salió o está programada.</translation>
    </message>
    <message>
        <source>This is nearly the same as a post that went out.</source>
        <translation>Es casi igual que una publicación que ya salió.</translation>
    </message>
    <message>
        <source>This is nearly the same as a scheduled post.</source>
        <translation>Es casi igual que una publicación programada.</translation>
    </message>
    <message>
        <source>This post would link {persona} to another of your personas.</source>
        <translation>Esta publicación relacionaría a {persona} con otra de tus personas.</translation>
    </message>
    <message>
        <source>This may not belong on {persona}.</source>
        <translation>Puede que esto no encaje en {persona}.</translation>
    </message>
    <message>
        <source>{persona} has posted or queued only bare links lately.</source>
        <translation>{persona} solo ha publicado o puesto en cola enlaces sueltos últimamente.</translation>
    </message>
    <message>
        <source>The persona guard could not check this post.</source>
        <translation>El guardián de personas no pudo revisar esta publicación.</translation>
    </message>
    <message>
        <source>This post missed its time.</source>
        <translation>Esta publicación no salió a su hora.</translation>
    </message>
    <message>
        <source>{persona} has no room left this month for this post.</source>
        <translation>A {persona} no le queda margen este mes para esta publicación.</translation>
    </message>
</context>
<context>
    <name>insights</name>
    <message>
        <source>One or two fields per account: followers come for {name}&apos;s focus, so keep it there.</source>
        <translation>Uno o dos temas por cuenta: los seguidores vienen por el tema de {name}, así que mantenlo.</translation>
    </message>
    <message>
        <source>%n post(s) went out although the guard said they strayed.</source>
        <translation>%n publicaci(ón salió|ones salieron) aunque el guardián avisó de que se apart(aba|aban) del tema.</translation>
    </message>
    <message>
        <source>Talk with people rather than at them: ask, answer, reply.</source>
        <translation>Habla con la gente, no a la gente: pregunta, responde, contesta.</translation>
    </message>
    <message>
        <source>Here bare links outnumber conversation.</source>
        <translation>Aquí hay más enlaces sueltos que conversación.</translation>
    </message>
    <message>
        <source>An hour a day is enough: write in one sitting and let the queue spread it.</source>
        <translation>Basta con una hora al día: escribe de una sentada y deja que la cola lo reparta.</translation>
    </message>
    <message>
        <source>The busiest day here had %n posts.</source>
        <translation>El día más activo tuvo %n publicaciones.</translation>
    </message>
</context>
<context>
    <name>networks</name>
    <message>
        <source>Sandbox (demo network)</source>
        <translation>Pruebas (red de demostración)</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Pruebas</translation>
    </message>
</context>
<context>
    <name>personas</name>
    <message>
        <source>{handle} on {network}</source>
        <translation>{handle} en {network}</translation>
    </message>
    <message>
        <source>on {network}</source>
        <translation>en {network}</translation>
    </message>
</context>
<context>
    <name>scheduling</name>
    <message>
        <source>Next: nothing scheduled</source>
        <translation>Siguiente: nada programado</translation>
    </message>
    <message>
        <source>Next: posting is paused</source>
        <translation>Siguiente: la publicación está en pausa</translation>
    </message>
    <message>
        <source>Next: {persona} · {when} · {text}</source>
        <translation>Siguiente: {persona} · {when} · {text}</translation>
    </message>
    <message>
        <source>attention: %n post(s)</source>
        <translation>por revisar: %n publicaci(ón|ones)</translation>
    </message>
    <message>
        <source>%n scheduled post(s)</source>
        <translation>%n publicaci(ón programada|ones programadas)</translation>
    </message>
    <message>
        <source>See the history.</source>
        <translation>Mira el historial.</translation>
    </message>
</context>
<context>
    <name>scheduling_ui</name>
    <message>
        <source>&amp;Pause all posting</source>
        <translation>Pa&amp;usar todas las publicaciones</translation>
    </message>
    <message>
        <source>&amp;Missed posts…</source>
        <translation>Publicaciones &amp;no enviadas…</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Escritura</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Close to the tray</source>
        <translation>Cerrar a la bandeja</translation>
    </message>
    <message>
        <source>Closing the window keeps personamgr running in the tray, so scheduled posts still go out.</source>
        <translation>Al cerrar la ventana, personamgr sigue en la bandeja y las publicaciones programadas siguen saliendo.</translation>
    </message>
    <message>
        <source>Quitting with posts scheduled</source>
        <translation>Salir con publicaciones programadas</translation>
    </message>
    <message>
        <source>Nothing goes out while personamgr is closed: keep it running in the tray, offer to start the background sender, or quit with a warning.</source>
        <translation>No sale nada mientras personamgr está cerrado: seguir en la bandeja, ofrecer el envío en segundo plano o salir con un aviso.</translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation>Seguir en la bandeja</translation>
    </message>
    <message>
        <source>Offer to start the background sender</source>
        <translation>Ofrecer el envío en segundo plano</translation>
    </message>
    <message>
        <source>Quit, with a warning</source>
        <translation>Salir, con un aviso</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Iniciar al entrar</translation>
    </message>
    <message>
        <source>Start personamgr in the tray when you log in, so scheduled posts go out without opening the window.</source>
        <translation>Iniciar personamgr en la bandeja al entrar en la sesión, para que las publicaciones programadas salgan sin abrir la ventana.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Desktop notifications when a scheduled post is sent, fails or is held.</source>
        <translation>Notificaciones del escritorio cuando una publicación programada se envía, falla o se retiene.</translation>
    </message>
    <message>
        <source>Sent, failed and held posts</source>
        <translation>Enviadas, fallidas y retenidas</translation>
    </message>
    <message>
        <source>Only problems</source>
        <translation>Solo los problemas</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Undo time for Ctrl+Enter</source>
        <translation>Tiempo para deshacer con Ctrl+Intro</translation>
    </message>
    <message>
        <source>Seconds a post sent with Ctrl+Enter waits, with Undo, before it goes out; 0 sends at once.</source>
        <translation>Segundos que espera, con Deshacer, una publicación enviada con Ctrl+Intro antes de salir; 0 la envía al momento.</translation>
    </message>
    <message>
        <source>Guard sensitivity for new personas</source>
        <translation>Sensibilidad del guardián para personas nuevas</translation>
    </message>
    <message>
        <source>How eagerly the persona guard warns on a new persona; each persona can change its own.</source>
        <translation>Con qué facilidad avisa el guardián en una persona nueva; cada persona puede cambiar la suya.</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>Estricto</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>Relajado</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Light or dark colours; System follows your desktop&apos;s colour scheme.</source>
        <translation>Colores claros u oscuros; Sistema sigue el esquema de colores del escritorio.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The window&apos;s language; System follows your desktop. Applies at the next start.</source>
        <translation>El idioma de la ventana; Sistema sigue el del escritorio. Se aplica en el próximo inicio.</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Post the draft, with a few seconds to undo</source>
        <translation>Publicar el borrador, con unos segundos para deshacer</translation>
    </message>
    <message>
        <source>Schedule the draft…</source>
        <translation>Programar el borrador…</translation>
    </message>
    <message>
        <source>Start a new draft (the one in the box is kept in the history)</source>
        <translation>Empezar un borrador nuevo (el del cuadro se guarda en el historial)</translation>
    </message>
    <message>
        <source>Add a post to the thread after this one</source>
        <translation>Añadir una publicación al hilo después de esta</translation>
    </message>
    <message>
        <source>Undo a post that is about to go out</source>
        <translation>Deshacer una publicación que está a punto de salir</translation>
    </message>
    <message>
        <source>Switch to persona 1 to 9</source>
        <translation>Cambiar a la persona 1 a 9</translation>
    </message>
    <message>
        <source>Find a persona: type part of its name, handle or topic; arrows choose, Enter writes as it</source>
        <translation>Buscar una persona: escribe parte de su nombre, usuario o tema; las flechas eligen, Intro escribe como ella</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <source>Actions of the post selected in the history</source>
        <translation>Acciones de la publicación seleccionada en el historial</translation>
    </message>
    <message>
        <source>Delete the post selected in the history</source>
        <translation>Borrar la publicación seleccionada en el historial</translation>
    </message>
    <message>
        <source>Persona insights</source>
        <translation>Estadísticas de la persona</translation>
    </message>
    <message>
        <source>The calendar: a week or a month of posts; in it, arrows select, Alt+arrows move, Enter edits, Esc closes</source>
        <translation>El calendario: una semana o un mes de publicaciones; en él, las flechas seleccionan, Alt+flechas mueven, Intro edita, Esc lo cierra</translation>
    </message>
    <message>
        <source>The inbox: posts that failed, were held, or need a look</source>
        <translation>La bandeja de entrada: publicaciones que fallaron, se retuvieron o necesitan un vistazo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>Esta lista de atajos</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>X&apos;s count: links count 23, CJK characters and emoji 2.</source>
        <translation>Cómputo de X: los enlaces cuentan 23; los caracteres CJK y los emoji, 2.</translation>
    </message>
    <message>
        <source>Counted as X counts: links count 23, CJK characters and emoji 2.</source>
        <translation>Se cuenta como en X: los enlaces cuentan 23; los caracteres CJK y los emoji, 2.</translation>
    </message>
    <message>
        <source>Mastodon&apos;s count: characters, every link counts {url}, the content warning counts too.</source>
        <translation>Cómputo de Mastodon: caracteres; cada enlace cuenta {url} y la advertencia de contenido también cuenta.</translation>
    </message>
    <message>
        <source>Bluesky&apos;s count: characters as you see them (an emoji is one), links as written.</source>
        <translation>Cómputo de Bluesky: caracteres tal como los ves (un emoji es uno); los enlaces, tal como están escritos.</translation>
    </message>
    <message>
        <source>Too long for {persona}: {length} of {limit} bytes on {network} (an emoji can take up to 25); shorten it by {over} bytes.</source>
        <translation>Demasiado largo para {persona}: {length} de {limit} bytes en {network} (un emoji puede ocupar hasta 25); acórtalo en {over} bytes.</translation>
    </message>
    <message>
        <source>Too long for {persona}: part {part} is {length} of {limit} bytes on {network} (an emoji can take up to 25); shorten it by {over} bytes.</source>
        <translation>Demasiado largo para {persona}: la parte {part} ocupa {length} de {limit} bytes en {network} (un emoji puede ocupar hasta 25); acórtala en {over} bytes.</translation>
    </message>
    <message>
        <source>Too long for {persona}: {length} of {limit} characters on {network}; shorten it by {over}.</source>
        <translation>Demasiado largo para {persona}: {length} de {limit} caracteres en {network}; acórtalo en {over}.</translation>
    </message>
    <message>
        <source>Too long for {persona}: part {part} is {length} of {limit} characters on {network}; shorten it by {over}.</source>
        <translation>Demasiado largo para {persona}: la parte {part} tiene {length} de {limit} caracteres en {network}; acórtala en {over}.</translation>
    </message>
    <message>
        <source>{size} / {max} bytes</source>
        <translation>{size} / {max} bytes</translation>
    </message>
</context>
</TS>
