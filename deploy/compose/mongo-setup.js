// Once, by the compose file's mongo-setup service (mongosh as root on mongo1): the replica set of the three
// members, then one user per service with readWrite on its own database only (the database is named after the
// service, as the platform's defaults name it). Passwords come from the environment; running it again changes
// nothing but the passwords.
const members = ['mongo1:27017', 'mongo2:27017', 'mongo3:27017'];
try {
  rs.status();
} catch (notInitiated) {
  rs.initiate({ _id: 'rs0', members: members.map((host, i) => ({ _id: i, host })) });
}
// users are written to the primary: wait until there is one
for (let i = 0; i < 60 && !db.hello().isWritablePrimary; i++) {
  sleep(1000);
}
if (!db.hello().isWritablePrimary) {
  throw new Error('no primary after 60 s: ' + JSON.stringify(rs.status().members.map(m => m.stateStr)));
}
// the gateway keeps its rate-limit buckets in a database of its own, named gateway
const services = ['gateway', 'registration-service', 'document-service', 'review-service', 'notification-service',
  'union-affairs-service', 'ops-console'];
const admin = db.getSiblingDB('admin');
for (const service of services) {
  const variable = 'MONGO_PASSWORD_' + service.toUpperCase().replace(/-/g, '_');
  const password = process.env[variable];
  if (!password) {
    throw new Error('set ' + variable);
  }
  const roles = [{ role: 'readWrite', db: service }];
  if (admin.getUser(service)) {
    admin.updateUser(service, { pwd: password, roles });
  } else {
    admin.createUser({ user: service, pwd: password, roles });
  }
}
print('mongo-setup: replica set rs0 (' + members.length + ' members), ' + services.length + ' users');
