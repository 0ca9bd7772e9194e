// The attributes the test SAML IdP (npm `saml-idp`) sends, and the person it signs in unless its
// sign-in form is changed (the tests post each person's own values). Names are the ones Entra ID
// and Okta commonly send for email and display name, plus two custom ones.
module.exports = {
  user: {
    userName: 'sam.saml@acme.test',
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    email: 'sam.saml@acme.test',
    displayName: 'Sam Saml',
    department: 'Operations',
    managerEmail: '',
    mobilePhone: '+44 7700 900123',
  },
  metadata: [
    { id: 'email', optional: false, displayName: 'E-Mail Address', description: 'Work email', multiValue: false },
    { id: 'displayName', optional: true, displayName: 'Display Name', description: 'Name', multiValue: false },
    { id: 'department', optional: true, displayName: 'Department', description: 'Department', multiValue: false },
    { id: 'managerEmail', optional: true, displayName: 'Manager', description: "Manager's email", multiValue: false },
    { id: 'mobilePhone', optional: true, displayName: 'Mobile Phone', description: 'Never stored by PeerSupport', multiValue: false },
  ],
};
